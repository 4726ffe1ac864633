package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.ChallengeId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells every process sharing the storage that a stored challenge changed, so that clients waiting
 * on any node wake up without anyone asking Duo again (PostgreSQL: {@code LISTEN/NOTIFY}). A
 * signal carries only the challenge id; receivers re-read the challenge. Signals may be lost or
 * repeated: waiters re-read at the end of their wait anyway.
 */
public interface ChallengeSignals {
  /** Announces a committed change of the challenge. Never throws: a lost signal only delays a waiter. */
  void publish(ChallengeId challenge);

  /** Calls {@code receiver} for every change announced from now on, by any process; close to stop. */
  AutoCloseable subscribe(Consumer<ChallengeId> receiver);

  /** Signals within this process only: what a single-process host needs. */
  static ChallengeSignals inProcess() {
    return new ChallengeSignals() {
      private final List<Consumer<ChallengeId>> receivers = new CopyOnWriteArrayList<>();

      @Override
      public void publish(ChallengeId challenge) {
        receivers.forEach(receiver -> receiver.accept(challenge));
      }

      @Override
      public AutoCloseable subscribe(Consumer<ChallengeId> receiver) {
        receivers.add(receiver);
        return () -> receivers.remove(receiver);
      }
    };
  }
}
