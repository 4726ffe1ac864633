package dev.gatehouse.duosim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One authentication as a sequence of events ({@code pushed}/{@code calling} → {@code answered} →
 * a terminal status), with the parked requests waiting for its next event.
 */
final class Transaction {

  /** One status update; {@code result} is {@code waiting} until the terminal event. */
  record Event(String result, String status, String statusMessage) {
    boolean terminal() {
      return !"waiting".equals(result);
    }
  }

  /** A planned automatic step: the phone is answered, or an outcome happens. */
  record Step(long atMillis, boolean answered, Scenario.Outcome outcome) {}

  /** A parked request: an auth_status long poll, or a synchronous /auth waiting for the end. */
  interface Waiter {
    boolean wantsOnlyTerminal();

    long capAtMillis();

    void answer(Transaction tx, Event event);
  }

  static final Event PUSHED = new Event("waiting", "pushed", "Pushed a login request to your device...");
  static final Event PUSH_FAILED = new Event("waiting", "push_failed", "Push notification could not be delivered.");
  static final Event CALLING = new Event("waiting", "calling", "Calling your phone...");
  static final Event ANSWERED = new Event("waiting", "answered", "Answered. Press any key on your phone to log in.");

  /** The first event of a Verified Duo Push: Duo's status message carries the code to type. */
  static Event verifiedPushed(String code) {
    return new Event("waiting", "pushed", "Please enter verification code " + code + " into Duo Mobile...");
  }

  final String txid;
  final String username;
  final String factor;
  final String deviceId;
  final long createdAtMillis;
  /** The code the person must type into Duo Mobile for a Verified Duo Push; null for other requests. */
  final String verificationCode;
  private final List<Event> events = new ArrayList<>();
  private final ArrayDeque<Step> plan = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private int delivered = -1;
  private String trustedDeviceToken;

  Transaction(String txid, String username, String factor, String deviceId, long createdAtMillis, Event first) {
    this(txid, username, factor, deviceId, createdAtMillis, first, null);
  }

  Transaction(String txid, String username, String factor, String deviceId, long createdAtMillis, Event first,
      String verificationCode) {
    this.txid = txid;
    this.verificationCode = verificationCode;
    this.username = username;
    this.factor = factor;
    this.deviceId = deviceId;
    this.createdAtMillis = createdAtMillis;
    events.add(first);
  }

  synchronized void planStep(Step step) {
    plan.addLast(step);
  }

  synchronized void clearPlan() {
    plan.clear();
  }

  /** The next planned step if it is due, removing it from the plan. */
  synchronized Step takeDueStep(long nowMillis) {
    Step head = plan.peekFirst();
    if (head != null && head.atMillis() <= nowMillis && !terminal()) {
      return plan.pollFirst();
    }
    return null;
  }

  synchronized boolean terminal() {
    return last().terminal();
  }

  synchronized boolean answered() {
    return events.stream().anyMatch(e -> e.status().equals("answered"));
  }

  synchronized Event last() {
    return events.get(events.size() - 1);
  }

  synchronized List<Event> history() {
    return List.copyOf(events);
  }

  synchronized int parkedCount() {
    return waiters.size();
  }

  synchronized String trustedDeviceToken() {
    return trustedDeviceToken;
  }

  synchronized void trustedDeviceToken(String token) {
    this.trustedDeviceToken = token;
  }

  /** Long-poll: the latest event if the caller has not seen it (or it is final), else parks. */
  synchronized Event pollOrPark(Waiter waiter) {
    int latest = events.size() - 1;
    if (latest > delivered || terminal()) {
      delivered = latest;
      return events.get(latest);
    }
    waiters.add(waiter);
    return null;
  }

  /** Synchronous /auth: the final event if there is one, else parks until it comes. */
  synchronized Event terminalOrPark(Waiter waiter) {
    if (terminal()) {
      delivered = events.size() - 1;
      return last();
    }
    waiters.add(waiter);
    return null;
  }

  /** Appends an event and returns the parked requests it answers; ignored after the final event. */
  synchronized List<Waiter> append(Event event) {
    if (terminal()) {
      return List.of();
    }
    events.add(event);
    if (event.terminal()) {
      plan.clear();
    }
    List<Waiter> answered = new ArrayList<>();
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (!w.wantsOnlyTerminal() || event.terminal()) {
        answered.add(w);
        it.remove();
      }
    }
    if (!answered.isEmpty()) {
      delivered = events.size() - 1;
    }
    return answered;
  }

  /** Removes and returns long polls whose hold cap has passed. */
  synchronized List<Waiter> expiredWaiters(long nowMillis) {
    List<Waiter> expired = new ArrayList<>();
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (w.capAtMillis() <= nowMillis) {
        expired.add(w);
        it.remove();
      }
    }
    return expired;
  }
}
