package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The official 429 schedule (duo-auth-api.md §4), checked without waiting. */
class DuoBackoffTest {

  private static List<Duration> schedule(DuoBackoff backoff, Optional<Duration> retryAfter) {
    List<Duration> waits = new ArrayList<>();
    for (int retry = 1; ; retry++) {
      Optional<Duration> wait = backoff.beforeRetry(retry, retryAfter);
      if (wait.isEmpty()) {
        return waits;
      }
      waits.add(wait.get());
    }
  }

  @Test
  void doublesFromOneToThirtyTwoSecondsForSevenAttemptsInAll() {
    assertThat(schedule(new DuoBackoff(() -> 0.0), Optional.empty())).containsExactly(
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
        Duration.ofSeconds(16), Duration.ofSeconds(32));
    assertThat(DuoBackoff.MAX_ATTEMPTS).isEqualTo(7);
  }

  @Test
  void addsUpToOneSecondOfJitterToEachWait() {
    Random seeded = new Random(42);
    List<Duration> waits = schedule(new DuoBackoff(seeded::nextDouble), Optional.empty());

    long base = 1;
    for (Duration wait : waits) {
      assertThat(wait).isBetween(Duration.ofSeconds(base), Duration.ofSeconds(base).plusMillis(1000));
      base *= 2;
    }
    assertThat(schedule(new DuoBackoff(() -> 0.5), Optional.empty()).get(0)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void honoursRetryAfterUpToThirtyTwoSeconds() {
    assertThat(schedule(new DuoBackoff(() -> 0.9), Optional.of(Duration.ofSeconds(5))))
        .hasSize(6).containsOnly(Duration.ofSeconds(5));
    assertThat(schedule(new DuoBackoff(() -> 0.9), Optional.of(Duration.ofSeconds(33)))).isEmpty();
  }
}
