package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.persistence.DatabaseUnreachableException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What starting does when the database cannot be reached: {@link #none()} fails at once (commands
 * of the command line), {@link #withBackoff} waits and tries again, 1 s, 2 s, 4 s ... up to 30 s
 * apart, with one log line per failed attempt ({@code serve}: a database that comes up after
 * Gatehouse, as in a container start, is waited for). Other start failures are never retried.
 */
final class DatabaseWait {
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseWait.class);

  /** How the wait between attempts passes (tests record it instead). */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration delay) throws InterruptedException;
  }

  private final boolean retries;
  private final Sleeper sleeper;

  private DatabaseWait(boolean retries, Sleeper sleeper) {
    this.retries = retries;
    this.sleeper = sleeper;
  }

  static DatabaseWait none() {
    return new DatabaseWait(false, delay -> { });
  }

  static DatabaseWait withBackoff(Sleeper sleeper) {
    return new DatabaseWait(true, sleeper);
  }

  /** Runs {@code start} until it gets past connecting; interrupted while waiting, rethrows the last failure. */
  <T> T start(Supplier<T> start) {
    Duration delay = FIRST_DELAY;
    for (int attempt = 1; ; attempt++) {
      try {
        return start.get();
      } catch (DatabaseUnreachableException e) {
        if (!retries) {
          throw e;
        }
        LOG.warn("The database cannot be reached (attempt {}): {}; trying again in {} s", attempt, e.getMessage(),
            delay.toSeconds());
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
      }
    }
  }
}
