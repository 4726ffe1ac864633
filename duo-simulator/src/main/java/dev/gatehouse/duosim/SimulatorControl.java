package dev.gatehouse.duosim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The test and demo handle on a running simulator: resolve transactions, change users, inject faults,
 * move the clock and read what clients sent. The HTTP control API under {@code /_sim} offers the same.
 */
public final class SimulatorControl {

  private final SimState state;

  SimulatorControl(SimState state) {
    this.state = state;
  }

  // ---- transactions

  /** Ends a pending push or call as if the user approved it; false if unknown or already over. */
  public boolean approve(String txid) {
    return resolve(txid, Scenario.Outcome.APPROVE);
  }

  public boolean deny(String txid) {
    return resolve(txid, Scenario.Outcome.DENY);
  }

  public boolean reportFraud(String txid) {
    return resolve(txid, Scenario.Outcome.FRAUD);
  }

  public boolean timeOut(String txid) {
    return resolve(txid, Scenario.Outcome.TIMEOUT);
  }

  /** Resolves a pending transaction with any outcome except {@code WAIT}. */
  public boolean resolve(String txid, Scenario.Outcome outcome) {
    if (outcome == Scenario.Outcome.WAIT) {
      throw new IllegalArgumentException("WAIT does not resolve a transaction");
    }
    Transaction tx = state.transaction(txid);
    if (tx == null || tx.terminal()) {
      return false;
    }
    state.resolve(tx, outcome);
    return true;
  }

  /**
   * The person types {@code code} into Duo Mobile for a pending Verified Duo Push: the right code
   * approves it, a wrong one denies it. False if the transaction is unknown, over, or not a
   * Verified Duo Push.
   */
  public boolean enterVerificationCode(String txid, String code) {
    Transaction tx = state.transaction(txid);
    if (tx == null || tx.terminal() || tx.verificationCode == null) {
      return false;
    }
    state.resolveVerified(tx, code == null ? "" : code.strip());
    return true;
  }

  /** Adds a {@code push_failed} progress event (the transaction stays pending). */
  public boolean pushFailed(String txid) {
    Transaction tx = state.transaction(txid);
    if (tx == null || tx.terminal()) {
      return false;
    }
    state.publish(tx, Transaction.PUSH_FAILED);
    return true;
  }

  /** Approves every pending transaction; returns how many. */
  public int approveAll() {
    int n = 0;
    for (Transaction tx : state.transactions()) {
      if (!tx.terminal()) {
        state.resolve(tx, Scenario.Outcome.APPROVE);
        n++;
      }
    }
    return n;
  }

  public List<TransactionInfo> transactions() {
    List<TransactionInfo> out = new ArrayList<>();
    for (Transaction tx : state.transactions()) {
      out.add(TransactionInfo.of(tx));
    }
    return out;
  }

  public Optional<TransactionInfo> transaction(String txid) {
    Transaction tx = state.transaction(txid);
    return tx == null ? Optional.empty() : Optional.of(TransactionInfo.of(tx));
  }

  /** The newest pending transaction of a user, if any. */
  public Optional<TransactionInfo> latestPending(String username) {
    List<Transaction> all = state.transactions();
    for (int i = all.size() - 1; i >= 0; i--) {
      Transaction tx = all.get(i);
      if (tx.username.equalsIgnoreCase(username) && !tx.terminal()) {
        return Optional.of(TransactionInfo.of(tx));
      }
    }
    return Optional.empty();
  }

  /** Waits (polling) until the user has a pending transaction; handy when a sync /auth is in flight. */
  public TransactionInfo awaitPending(String username, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TransactionInfo> tx = latestPending(username);
      if (tx.isPresent()) {
        return tx.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no pending transaction for " + username + " within " + timeout);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  public int pendingTransactions() {
    return state.pendingCount();
  }

  /** How many requests (long polls and synchronous /auth calls) are parked waiting for an event. */
  public int parkedRequests() {
    return state.parkedCount();
  }

  // ---- users, devices, enrollments

  /** Adds a user, or replaces one with the same username. */
  public void putUser(Scenario.User user) {
    state.putUser(user);
  }

  /** Adds a device to an existing user; false if there is no such user. */
  public boolean addDevice(String username, Scenario.Device device) {
    synchronized (state) {
      UserState user = state.userByName(username);
      if (user == null) {
        return false;
      }
      user.devices.removeIf(d -> d.config.id().equals(device.id()));
      user.devices.add(new DeviceState(device));
      return true;
    }
  }

  /** Turns the user's "Require Verified Duo Push" policy on or off; false if there is no such user. */
  public boolean requireVerifiedPush(String username, boolean required) {
    synchronized (state) {
      UserState user = state.userByName(username);
      if (user == null) {
        return false;
      }
      user.requireVerifiedPush = required;
      return true;
    }
  }

  public boolean setUserStatus(String username, Scenario.UserStatus status) {
    synchronized (state) {
      UserState user = state.userByName(username);
      if (user == null) {
        return false;
      }
      user.status = status;
      user.failedAttempts = 0;
      return true;
    }
  }

  /**
   * Completes an activation from /enroll as if the user scanned the code: enroll_status then answers
   * {@code success}, and the user becomes active with a phone that approves pushes after a second.
   * Accepts the activation code or the user id.
   */
  public boolean activateEnrollment(String activationCodeOrUserId) {
    synchronized (state) {
      for (SimState.Enrollment e : state.enrollments()) {
        if (e.activationCode.equals(activationCodeOrUserId) || e.userId.equals(activationCodeOrUserId)) {
          e.activated = true;
          UserState user = state.userById(e.userId);
          if (user != null) {
            user.status = Scenario.UserStatus.ACTIVE;
            if (user.devices.isEmpty()) {
              user.devices.add(new DeviceState(Scenario.Device.phone(Ids.derived("DP", user.userId + "/activated"),
                  "", "Duo Mobile", "auto", "push", "mobile_otp")));
            }
          }
          return true;
        }
      }
      return false;
    }
  }

  /** The last SMS passcode batch sent to a device (empty if none). */
  public List<String> smsBatch(String deviceId) {
    synchronized (state) {
      DeviceState d = state.device(deviceId);
      return d == null ? List.of() : d.lastSmsBatch;
    }
  }

  /** Every push or call a device received, oldest first. */
  public List<PushNotification> inbox(String deviceId) {
    synchronized (state) {
      DeviceState d = state.device(deviceId);
      return d == null ? List.of() : List.copyOf(d.inbox);
    }
  }

  // ---- faults, clock, request log

  public void injectFault(Fault fault) {
    state.faults.add(fault);
  }

  public List<Fault> faults() {
    return state.faults.list();
  }

  public void clearFaults() {
    state.faults.clear();
  }

  /** Moves the simulator's clock (ping/check time, date window, timeouts); due events fire at once. */
  public void shiftClock(Duration by) {
    state.clock.shift(by);
    state.advance();
  }

  public Duration clockOffset() {
    return state.clock.offset();
  }

  public Instant now() {
    return state.clock.now();
  }

  public List<LoggedRequest> requests() {
    return state.requestLog.snapshot();
  }

  public void clearRequests() {
    state.requestLog.clear();
  }
}
