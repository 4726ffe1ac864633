package dev.gatehouse.duosim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything a running simulator knows and changes: users, devices, transactions, enrollments,
 * remembered devices, faults, the request log and the clock. User data is guarded by this object's
 * monitor; each transaction guards its own events.
 */
final class SimState {

  /** An activation handed out by /enroll. */
  static final class Enrollment {
    final String activationCode;
    final String userId;
    final long expiresAtMillis;
    boolean activated;

    Enrollment(String activationCode, String userId, long expiresAtMillis) {
      this.activationCode = activationCode;
      this.userId = userId;
      this.expiresAtMillis = expiresAtMillis;
    }
  }

  private record TrustedToken(String userId, long expiresAtMillis) {}

  /** A Verified Duo Push announced by preauth: its txid is passed on to /auth once. */
  private record VerifiedPushTicket(String userId, long expiresAtMillis) {}

  final Scenario scenario;
  final SimClock clock;
  final Faults faults = new Faults();
  final RequestLog requestLog = new RequestLog();
  private final Map<String, Scenario.Integration> integrations = new ConcurrentHashMap<>();
  private final Map<String, UserState> usersByName = new LinkedHashMap<>();
  private final Map<String, UserState> usersById = new LinkedHashMap<>();
  private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
  private final Set<Transaction> pending = ConcurrentHashMap.newKeySet();
  private final Map<String, Enrollment> enrollments = new LinkedHashMap<>();
  private final Map<String, TrustedToken> trustedTokens = new ConcurrentHashMap<>();
  private final Map<String, VerifiedPushTicket> verifiedPushTickets = new ConcurrentHashMap<>();
  private final List<Cidr> trustedNetworks = new ArrayList<>();

  SimState(Scenario scenario, SimClock clock) {
    this.scenario = scenario;
    this.clock = clock;
    scenario.integrations().forEach(i -> integrations.put(i.integrationKey(), i));
    scenario.users().forEach(this::putUser);
    scenario.trustedNetworks().forEach(n -> trustedNetworks.add(Cidr.parse(n)));
  }

  Scenario.Integration integration(String ikey) {
    return integrations.get(ikey);
  }

  synchronized void putUser(Scenario.User user) {
    UserState previous = usersByName.get(key(user.username()));
    if (previous != null) {
      usersById.remove(previous.userId);
    }
    UserState state = new UserState(user);
    usersByName.put(key(user.username()), state);
    usersById.put(state.userId, state);
  }

  synchronized UserState userByName(String username) {
    return usersByName.get(key(username));
  }

  synchronized UserState userById(String userId) {
    return usersById.get(userId);
  }

  synchronized List<UserState> users() {
    return List.copyOf(usersByName.values());
  }

  synchronized DeviceState device(String deviceId) {
    for (UserState u : usersByName.values()) {
      DeviceState d = u.device(deviceId);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  boolean inTrustedNetwork(String ip) {
    return ip != null && trustedNetworks.stream().anyMatch(c -> c.contains(ip));
  }

  // ---- enrollments

  synchronized void addEnrollment(Enrollment e) {
    enrollments.put(e.activationCode, e);
  }

  synchronized Enrollment enrollment(String activationCode) {
    return enrollments.get(activationCode);
  }

  synchronized List<Enrollment> enrollments() {
    return List.copyOf(enrollments.values());
  }

  // ---- remembered devices

  String issueTrustedToken(String userId) {
    long seconds = scenario.rememberDevicesSeconds();
    if (seconds <= 0) {
      return null;
    }
    String token = Ids.random("", 40, true);
    trustedTokens.put(token, new TrustedToken(userId, clock.millis() + seconds * 1000));
    return token;
  }

  boolean trustedTokenValid(String token, String userId) {
    TrustedToken t = token == null ? null : trustedTokens.get(token);
    return t != null && t.userId().equals(userId) && t.expiresAtMillis() > clock.millis();
  }

  // ---- verified push

  /** Whether the user's or the integration's policy requires Verified Duo Push. */
  boolean requiresVerifiedPush(UserState user, Scenario.Integration integration) {
    return user.requireVerifiedPush || integration != null && integration.requireVerifiedPush();
  }

  /** A preauth txid for a Verified Duo Push, valid for one /auth within the push timeout (or a minute). */
  String issueVerifiedPushTicket(String userId) {
    String txid = UUID.randomUUID().toString();
    long seconds = scenario.pushTimeoutSeconds() > 0 ? scenario.pushTimeoutSeconds() : 60;
    verifiedPushTickets.put(txid, new VerifiedPushTicket(userId, clock.millis() + seconds * 1000));
    return txid;
  }

  /** Uses a preauth txid: true once, if it was issued to this user and has not expired. */
  boolean redeemVerifiedPushTicket(String txid, String userId) {
    VerifiedPushTicket ticket = txid == null ? null : verifiedPushTickets.remove(txid);
    return ticket != null && ticket.userId().equals(userId) && ticket.expiresAtMillis() > clock.millis();
  }

  // ---- transactions

  void addTransaction(Transaction tx) {
    transactions.put(tx.txid, tx);
    if (!tx.terminal()) {
      pending.add(tx);
    }
  }

  Transaction transaction(String txid) {
    return txid == null ? null : transactions.get(txid);
  }

  List<Transaction> transactions() {
    List<Transaction> all = new ArrayList<>(transactions.values());
    all.sort((a, b) -> Long.compare(a.createdAtMillis, b.createdAtMillis));
    return all;
  }

  int pendingCount() {
    return pending.size();
  }

  int parkedCount() {
    int n = 0;
    for (Transaction tx : transactions.values()) {
      n += tx.parkedCount();
    }
    return n;
  }

  /** Appends an event and answers every parked request it releases. */
  void publish(Transaction tx, Transaction.Event event) {
    List<Transaction.Waiter> released = tx.append(event);
    if (tx.terminal()) {
      pending.remove(tx);
    }
    for (Transaction.Waiter w : released) {
      w.answer(tx, event);
    }
  }

  /** Ends a transaction with an outcome (from its plan, a control call, or a timeout). */
  void resolve(Transaction tx, Scenario.Outcome outcome) {
    if (tx.terminal()) {
      return;
    }
    tx.clearPlan();
    if (tx.factor.equals("phone") && !tx.answered() && outcome != Scenario.Outcome.TIMEOUT) {
      publish(tx, Transaction.ANSWERED);
    }
    Transaction.Event event;
    synchronized (this) {
      UserState user = userByName(tx.username);
      switch (outcome) {
        case APPROVE:
          if (user != null) {
            user.failedAttempts = 0;
            tx.trustedDeviceToken(issueTrustedToken(user.userId));
          }
          event = new Transaction.Event("allow", "allow", "Success. Logging you in...");
          break;
        case DENY:
          event = failure(user, new Transaction.Event("deny", "deny", "Login request denied."));
          break;
        case FRAUD:
          event = new Transaction.Event("deny", "fraud", "Login request reported as fraudulent.");
          break;
        case TIMEOUT:
          event = failure(user, new Transaction.Event("deny", "timeout", "Login timed out."));
          break;
        case LOCKED_OUT:
          if (user != null) {
            user.status = Scenario.UserStatus.LOCKED_OUT;
          }
          event = lockedOut();
          break;
        default:
          return;
      }
    }
    publish(tx, event);
  }

  /**
   * The person typed a code into Duo Mobile for a Verified Duo Push: the right code approves, a
   * wrong one denies (and counts as a failed attempt).
   */
  void resolveVerified(Transaction tx, String typedCode) {
    if (tx.terminal()) {
      return;
    }
    if (tx.verificationCode.equals(typedCode)) {
      resolve(tx, Scenario.Outcome.APPROVE);
      return;
    }
    tx.clearPlan();
    Transaction.Event event;
    synchronized (this) {
      event = failure(userByName(tx.username),
          new Transaction.Event("deny", "deny", "Incorrect verification code. Login request denied."));
    }
    publish(tx, event);
  }

  static Transaction.Event lockedOut() {
    return new Transaction.Event("deny", "locked_out", "Your account is locked out.");
  }

  /** Counts a failed attempt; past the lockout threshold the user is locked out. Call holding the monitor. */
  Transaction.Event failure(UserState user, Transaction.Event event) {
    if (user == null) {
      return event;
    }
    user.failedAttempts++;
    int threshold = scenario.lockoutThreshold();
    if (threshold > 0 && user.failedAttempts >= threshold) {
      user.status = Scenario.UserStatus.LOCKED_OUT;
      return lockedOut();
    }
    return event;
  }

  /** Runs due planned steps and releases long polls past their cap; called by the timer. */
  void advance() {
    long now = clock.millis();
    for (Transaction tx : pending) {
      Transaction.Step step;
      while ((step = tx.takeDueStep(now)) != null) {
        if (step.answered()) {
          publish(tx, Transaction.ANSWERED);
        } else {
          resolve(tx, step.outcome());
        }
      }
      if (tx.terminal()) {
        pending.remove(tx);
        continue;
      }
      for (Transaction.Waiter w : tx.expiredWaiters(now)) {
        w.answer(tx, tx.last());
      }
    }
  }

  Duration pushTimeout() {
    return Duration.ofSeconds(scenario.pushTimeoutSeconds());
  }
}
