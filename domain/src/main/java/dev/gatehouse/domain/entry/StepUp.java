package dev.gatehouse.domain.entry;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import java.time.Duration;

/**
 * A sensitive entry's step-up: revealing its secret needs a Duo approval for that entry and
 * session no older than {@code maxAge} (1 minute to 24 hours, whole seconds), even inside a live
 * workspace session.
 */
public record StepUp(Duration maxAge) {
  public static final Duration MIN = Duration.ofMinutes(1);
  public static final Duration MAX = Duration.ofHours(24);

  public StepUp {
    Require.notNull("stepUp", maxAge);
    if (maxAge.compareTo(MIN) < 0 || maxAge.compareTo(MAX) > 0) {
      throw new InvalidValueException("stepUp", "must be between 1 minute and 24 hours");
    }
    if (maxAge.getNano() != 0) {
      throw new InvalidValueException("stepUp", "must be whole seconds");
    }
  }

  public static StepUp of(Duration maxAge) {
    return new StepUp(maxAge);
  }

  /** ISO-8601, e.g. {@code PT5M}. */
  @Override
  public String toString() {
    return maxAge.toString();
  }
}
