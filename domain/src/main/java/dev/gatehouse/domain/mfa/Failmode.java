package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import java.util.Locale;

/**
 * What to do when Duo cannot be reached or answers unusably: {@code SECURE} denies, {@code SAFE}
 * grants (audited). It never applies to credentials, rate limiting or explicit denials.
 */
public enum Failmode {
  SECURE,
  SAFE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Failmode parse(String text) {
    String value = Require.notBlank("failmode", text).strip().toLowerCase(Locale.ROOT);
    for (Failmode mode : values()) {
      if (mode.wireName().equals(value)) {
        return mode;
      }
    }
    throw new InvalidValueException("failmode", "must be secure or safe");
  }
}
