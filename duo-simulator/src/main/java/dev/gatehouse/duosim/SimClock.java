package dev.gatehouse.duosim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The simulator's notion of now: the system clock plus an adjustable offset (for skew tests). */
final class SimClock {

  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  SimClock(Clock base) {
    this.base = base;
  }

  Instant now() {
    return base.instant().plusMillis(offsetMillis.get());
  }

  long millis() {
    return base.millis() + offsetMillis.get();
  }

  void shift(Duration by) {
    offsetMillis.addAndGet(by.toMillis());
  }

  Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }
}
