package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.common.Secret;
import java.util.regex.Pattern;

/** A bearer token in plain text (API token or workspace session token): shown once, never stored. */
public final class SecretToken extends Secret {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,128}");

  public SecretToken(String value) {
    super("token", value);
    Require.matches("token", value, SHAPE, "22 to 128 URL-safe characters");
  }
}
