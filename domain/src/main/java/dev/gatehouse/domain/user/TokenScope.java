package dev.gatehouse.domain.user;

import java.util.Locale;

/** An extra right an API token carries beyond acting as its owner. */
public enum TokenScope {
  /** May ask whether a workspace session token is live (gateways in front of the real hosts). */
  INTROSPECT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} for anything else. */
  public static TokenScope fromWireName(String value) {
    for (TokenScope scope : values()) {
      if (scope.wireName().equals(value)) {
        return scope;
      }
    }
    throw new IllegalArgumentException("must be introspect");
  }
}
