package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.Require;
import java.time.Duration;

/**
 * Per-workspace tuning of Duo: how long a granted session lasts, how long a push may wait, the
 * cooldown after a denied push, and an optional window in which a fresh approval is remembered
 * (zero, the default, asks Duo at every open).
 */
public record MfaOptions(Duration sessionLifetime, Duration challengeLifetime,
    Duration pushCooldown, Duration rememberFor) {

  public static final MfaOptions DEFAULTS = new MfaOptions(
      Duration.ofHours(8), Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ZERO);

  public MfaOptions {
    Require.inRange("sessionLifetime", sessionLifetime, Duration.ofMinutes(1), Duration.ofDays(7));
    Require.inRange("challengeLifetime", challengeLifetime, Duration.ofSeconds(30), Duration.ofMinutes(15));
    Require.inRange("pushCooldown", pushCooldown, Duration.ZERO, Duration.ofHours(1));
    Require.inRange("rememberFor", rememberFor, Duration.ZERO, Duration.ofDays(1));
  }

  public boolean remembers() {
    return !rememberFor.isZero();
  }
}
