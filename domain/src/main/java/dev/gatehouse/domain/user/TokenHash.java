package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The SHA-256 of a secret token, lower-case hex: the only form in which tokens are stored. */
public record TokenHash(String value) {
  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

  public TokenHash {
    Require.notNull("tokenHash", value);
    Require.matches("tokenHash", value, SHAPE, "64 lower-case hex digits");
  }
}
