package dev.gatehouse.application.fake;

import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.PushContext;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.DuoUsername;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable second factor for tests: users with devices, bypass, deny or enroll; pushes and
 * calls that a test approves, denies, reports as fraud or lets time out; passcodes; and failures
 * (unreachable, timeout, server error, unparseable, rejected credentials, rate limited) injected
 * per operation. Every call is recorded.
 */
public final class FakeSecondFactorGateway implements SecondFactorGateway {
  /** The gateway's operations, for fault injection and call records. */
  public enum Operation { CHECK, PREAUTH, START_AUTH, AWAIT_STATUS, VERIFY_PASSCODE, SEND_SMS }

  /** One recorded call: the operation, the integration key used, the user and any push context. */
  public record Call(Operation operation, String integrationKey, String user, PushContext pushContext) {}

  private final Map<String, PreauthOutcome> preauth = new HashMap<>();
  private final Map<String, Set<String>> passcodes = new HashMap<>();
  private final Map<String, CompletableFuture<AuthStatus>> transactions = new HashMap<>();
  private final Map<Operation, RuntimeException> faults = new EnumMap<>(Operation.class);
  private final Map<Operation, Boolean> faultStays = new EnumMap<>(Operation.class);
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger txids = new AtomicInteger();
  private final AtomicInteger abandonedPolls = new AtomicInteger();
  private volatile AuthStatus nextPushOutcome;
  private volatile AuthStatus.Waiting whileWaiting =
      new AuthStatus.Waiting(StatusMessage.of("Pushed a login request to your device..."));
  private volatile CountDownLatch passcodeGate;

  // ---- scripting -------------------------------------------------------------------------------

  public synchronized FakeSecondFactorGateway enrolled(String user, DuoDevice... devices) {
    preauth.put(user, new PreauthOutcome.Authenticate(List.of(devices), StatusMessage.of("Account is active")));
    return this;
  }

  /**
   * The user's policy requires Verified Duo Push: preauth names the transaction a push must
   * continue ({@code vp-1}, {@code vp-2}, ...).
   */
  public synchronized FakeSecondFactorGateway requiresVerifiedPush(String user, DuoDevice... devices) {
    preauth.put(user, new PreauthOutcome.Authenticate(List.of(devices), StatusMessage.of("Account is active"),
        Optional.of(new DuoTransactionId("vp-" + txids.get()))));
    return this;
  }

  /** What a long poll of a transaction still waiting answers (default: "Pushed a login request..."). */
  public FakeSecondFactorGateway whileWaitingReport(AuthStatus.Waiting status) {
    whileWaiting = status;
    return this;
  }

  public synchronized FakeSecondFactorGateway bypass(String user) {
    preauth.put(user, new PreauthOutcome.Allow(StatusMessage.of("Allowing unknown user")));
    return this;
  }

  public synchronized FakeSecondFactorGateway lockedOut(String user) {
    preauth.put(user, new PreauthOutcome.Deny(StatusMessage.of("Your account is disabled")));
    return this;
  }

  public synchronized FakeSecondFactorGateway notEnrolled(String user) {
    preauth.put(user, new PreauthOutcome.Enroll("https://api-test.duosecurity.com/portal?code=abc",
        StatusMessage.of("Enroll an authentication device to proceed")));
    return this;
  }

  public synchronized FakeSecondFactorGateway acceptsPasscode(String user, String passcode) {
    passcodes.computeIfAbsent(user, u -> new HashSet<>()).add(passcode);
    return this;
  }

  /** Every later push or call resolves at once with this outcome (null: wait for the test). */
  public FakeSecondFactorGateway resolvePushesWith(AuthStatus outcome) {
    nextPushOutcome = outcome;
    return this;
  }

  /**
   * Passcode verifications are recorded at once, then wait until the gate opens before Duo
   * answers (a slow Duo, for concurrency tests); null answers at once again.
   */
  public FakeSecondFactorGateway holdPasscodeVerificationsUntil(CountDownLatch gate) {
    passcodeGate = gate;
    return this;
  }

  /** The next call of the operation fails with the exception. */
  public synchronized FakeSecondFactorGateway failNext(Operation operation, RuntimeException failure) {
    faults.put(operation, failure);
    faultStays.put(operation, false);
    return this;
  }

  /** Every call of the operation fails with the exception until {@link #heal}. */
  public synchronized FakeSecondFactorGateway failAlways(Operation operation, RuntimeException failure) {
    faults.put(operation, failure);
    faultStays.put(operation, true);
    return this;
  }

  public synchronized FakeSecondFactorGateway heal() {
    faults.clear();
    return this;
  }

  public static SecondFactorUnavailableException unavailable(SecondFactorUnavailableException.Kind kind) {
    return new SecondFactorUnavailableException(kind, "simulated " + kind);
  }

  public static SecondFactorRejectedException rejected(SecondFactorRejectedException.Reason reason) {
    return new SecondFactorRejectedException(reason, "simulated " + reason);
  }

  // ---- resolving transactions -------------------------------------------------------------------

  public void approve(DuoTransactionId txid) {
    resolve(txid, new AuthStatus.Allowed(StatusMessage.of("Success. Logging you in...")));
  }

  public void deny(DuoTransactionId txid) {
    resolve(txid, new AuthStatus.Denied(DenialReason.DENIED, StatusMessage.of("Login request denied.")));
  }

  public void reportFraud(DuoTransactionId txid) {
    resolve(txid, new AuthStatus.Denied(DenialReason.FRAUD, StatusMessage.of("Login request reported as fraudulent.")));
  }

  public void timeOut(DuoTransactionId txid) {
    resolve(txid, new AuthStatus.Denied(DenialReason.TIMEOUT, StatusMessage.of("Login timed out.")));
  }

  /**
   * Resolves the transaction. Whoever follows it (a read, or the background follow that started
   * with the push) sees the outcome at once, on this thread; the lock is not held meanwhile.
   */
  public void resolve(DuoTransactionId txid, AuthStatus outcome) {
    CompletableFuture<AuthStatus> transaction;
    synchronized (this) {
      transaction = transaction(txid);
    }
    transaction.complete(outcome);
  }

  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public long count(Operation operation) {
    return calls().stream().filter(c -> c.operation() == operation).count();
  }

  public PushContext lastPushContext() {
    return calls().stream().filter(c -> c.pushContext() != null).reduce((a, b) -> b).orElseThrow().pushContext();
  }

  public synchronized DuoTransactionId lastTransaction() {
    return new DuoTransactionId("tx-" + txids.get());
  }

  // ---- the port --------------------------------------------------------------------------------

  @Override
  public void check(DuoSettings settings) {
    record(Operation.CHECK, settings, null, null);
  }

  @Override
  public synchronized PreauthOutcome preauth(DuoSettings settings, DuoUsername user, ClientContext client) {
    record(Operation.PREAUTH, settings, user, null);
    return preauth.getOrDefault(user.value(), new PreauthOutcome.Deny(StatusMessage.of("Unknown user")));
  }

  @Override
  public synchronized DuoTransactionId startAuth(DuoSettings settings, DuoUsername user,
      DeviceSelection selection, PushContext context) {
    record(Operation.START_AUTH, settings, user, context);
    DuoTransactionId txid = new DuoTransactionId("tx-" + txids.incrementAndGet());
    CompletableFuture<AuthStatus> outcome = transaction(txid);
    if (nextPushOutcome != null) {
      outcome.complete(nextPushOutcome);
    }
    return txid;
  }

  @Override
  public CompletionStage<AuthStatus> awaitStatus(DuoSettings settings, DuoTransactionId transaction,
      Duration maxWait) {
    try {
      record(Operation.AWAIT_STATUS, settings, null, null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<AuthStatus> outcome;
    synchronized (this) {
      outcome = transaction(transaction);
    }
    // Duo answers a long poll at once with news it has not told yet: a Verified Duo Push's code.
    AuthStatus.Waiting waiting = whileWaiting;
    long wait = waiting.verificationCode().isPresent() ? Math.min(20, maxWait.toMillis()) : maxWait.toMillis();
    CompletableFuture<AuthStatus> poll = outcome.copy().completeOnTimeout(waiting, Math.max(1, wait), TimeUnit.MILLISECONDS);
    poll.whenComplete((status, error) -> {
      if (poll.isCancelled()) {
        abandonedPolls.incrementAndGet();
      }
    });
    return poll;
  }

  /** How many long polls their caller abandoned (cancelled) before they were answered. */
  public int abandonedPolls() {
    return abandonedPolls.get();
  }

  @Override
  public AuthStatus verifyPasscode(DuoSettings settings, DuoUsername user, Passcode passcode,
      ClientContext client) {
    record(Operation.VERIFY_PASSCODE, settings, user, null);
    CountDownLatch gate = passcodeGate;
    if (gate != null) {
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable(SecondFactorUnavailableException.Kind.TIMEOUT);
      }
    }
    boolean accepted;
    synchronized (this) {
      accepted = passcodes.getOrDefault(user.value(), Set.of()).contains(passcode.reveal());
    }
    return accepted
        ? new AuthStatus.Allowed(StatusMessage.of("Success. Logging you in..."))
        : new AuthStatus.Denied(DenialReason.DENIED, StatusMessage.of("Incorrect passcode. Please try again."));
  }

  @Override
  public synchronized StatusMessage sendSmsPasscodes(DuoSettings settings, DuoUsername user, DeviceId device,
      ClientContext client) {
    record(Operation.SEND_SMS, settings, user, null);
    return StatusMessage.of("New SMS passcodes sent.");
  }

  private CompletableFuture<AuthStatus> transaction(DuoTransactionId txid) {
    return transactions.computeIfAbsent(txid.value(), t -> new CompletableFuture<>());
  }

  private synchronized void record(Operation operation, DuoSettings settings, DuoUsername user,
      PushContext context) {
    calls.add(new Call(operation, settings.integrationKey().value(), user == null ? null : user.value(), context));
    RuntimeException fault = faults.get(operation);
    if (fault != null) {
      if (!faultStays.get(operation)) {
        faults.remove(operation);
      }
      throw fault;
    }
  }
}
