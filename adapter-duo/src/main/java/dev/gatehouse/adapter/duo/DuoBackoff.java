package dev.gatehouse.adapter.duo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The official clients' answer to HTTP 429 (duo-auth-api.md §4): wait 1 s, doubling up to 32 s,
 * each plus up to 1 s of jitter, so at most 7 attempts; a {@code Retry-After} of at most 32 s
 * replaces the computed wait, a longer one ends the retries at once (as duo_unix does).
 */
final class DuoBackoff {
  static final Duration INITIAL = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(32);
  static final int FACTOR = 2;
  static final int MAX_ATTEMPTS = 7;
  private static final long JITTER_MILLIS = 1000;

  private final DoubleSupplier jitter;

  /** {@code jitter} yields values in [0, 1): the fraction of a second added to each wait. */
  DuoBackoff(DoubleSupplier jitter) {
    this.jitter = jitter;
  }

  static DuoBackoff official() {
    return new DuoBackoff(() -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * The wait before retry number {@code retry} (1 = the second attempt), or empty when the
   * request must give up and report the 429.
   */
  Optional<Duration> beforeRetry(int retry, Optional<Duration> retryAfter) {
    if (retry < 1 || retry >= MAX_ATTEMPTS) {
      return Optional.empty();
    }
    if (retryAfter.isPresent()) {
      Duration wait = retryAfter.get();
      return wait.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(wait);
    }
    long multiplier = 1;
    for (int i = 1; i < retry; i++) {
      multiplier *= FACTOR;
    }
    Duration backoff = INITIAL.multipliedBy(multiplier);
    long extra = Math.min(JITTER_MILLIS, Math.max(0, (long) (jitter.getAsDouble() * JITTER_MILLIS)));
    return Optional.of(backoff.plusMillis(extra));
  }
}
