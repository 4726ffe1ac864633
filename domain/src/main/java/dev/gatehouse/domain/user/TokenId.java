package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The public identity of an API token: listed and revoked by it, never usable as the token. */
public record TokenId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  public TokenId {
    Require.notNull("tokenId", value);
    Require.matches("tokenId", value, SHAPE, "8 to 64 URL-safe characters");
  }

  @Override
  public String toString() {
    return value;
  }
}
