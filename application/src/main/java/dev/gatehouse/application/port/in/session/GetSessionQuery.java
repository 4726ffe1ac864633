package dev.gatehouse.application.port.in.session;

import dev.gatehouse.domain.common.Require;

/** Is the caller's workspace session live, and until when? */
public record GetSessionQuery(SessionCredentials credentials) {
  public GetSessionQuery {
    Require.notNull("credentials", credentials);
  }
}
