package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.MfaOptions;
import java.time.Duration;

/** Per-workspace Duo tuning in whole seconds; an absent field keeps its default. */
record RestMfaOptions(Long sessionLifetimeSeconds, Long challengeLifetimeSeconds,
    Long pushCooldownSeconds, Long rememberForSeconds) {

  static RestMfaOptions from(MfaOptions options) {
    return new RestMfaOptions(options.sessionLifetime().toSeconds(),
        options.challengeLifetime().toSeconds(), options.pushCooldown().toSeconds(),
        options.rememberFor().toSeconds());
  }

  /** The options; an {@link InvalidValueException} names the JSON field, e.g. {@code options.pushCooldownSeconds}. */
  MfaOptions toDomain() {
    MfaOptions d = MfaOptions.DEFAULTS;
    try {
      return new MfaOptions(seconds(sessionLifetimeSeconds, d.sessionLifetime()),
          seconds(challengeLifetimeSeconds, d.challengeLifetime()),
          seconds(pushCooldownSeconds, d.pushCooldown()), seconds(rememberForSeconds, d.rememberFor()));
    } catch (InvalidValueException e) {
      throw new InvalidValueException("options." + e.field() + "Seconds", e.reason());
    }
  }

  private static Duration seconds(Long value, Duration fallback) {
    return value == null ? fallback : Duration.ofSeconds(value);
  }
}
