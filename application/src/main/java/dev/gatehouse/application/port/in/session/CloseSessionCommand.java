package dev.gatehouse.application.port.in.session;

import dev.gatehouse.domain.common.Require;

/** Close (lock) the caller's own workspace session. */
public record CloseSessionCommand(SessionCredentials credentials) {
  public CloseSessionCommand {
    Require.notNull("credentials", credentials);
  }
}
