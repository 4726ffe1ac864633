package dev.gatehouse.domain.session;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The public identity of a workspace session: safe to list and audit, unlike its token. */
public record SessionId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  public SessionId {
    Require.notNull("sessionId", value);
    Require.matches("sessionId", value, SHAPE, "8 to 64 URL-safe characters");
  }

  @Override
  public String toString() {
    return value;
  }
}
