package dev.gatehouse.application.port.in.session;

import dev.gatehouse.domain.common.Require;
import java.util.Optional;

/**
 * What introspection says about a token (RFC 7662's shape): the live session, or nothing at all —
 * unknown, expired, closed and revoked tokens are indistinguishable.
 */
public record Introspection(Optional<SessionSummary> session) {
  public static final Introspection INACTIVE = new Introspection(Optional.empty());

  public Introspection {
    Require.notNull("session", session);
  }

  public boolean active() {
    return session.isPresent();
  }
}
