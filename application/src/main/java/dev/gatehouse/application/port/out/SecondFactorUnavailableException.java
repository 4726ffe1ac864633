package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.common.Require;

/**
 * The second-factor provider could not be reached or answered unusably: the only failures to
 * which a workspace's failmode applies. The message never carries secrets.
 */
public class SecondFactorUnavailableException extends RuntimeException {
  /** What went wrong on the way to the provider. */
  public enum Kind {
    UNREACHABLE,
    TIMEOUT,
    SERVER_ERROR,
    UNPARSEABLE
  }

  private final Kind kind;

  public SecondFactorUnavailableException(Kind kind, String message) {
    super(message);
    this.kind = Require.notNull("kind", kind);
  }

  public Kind kind() {
    return kind;
  }
}
