package dev.gatehouse.application.service.session;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.session.IntrospectSessionQuery;
import dev.gatehouse.application.port.in.session.IntrospectSessionUseCase;
import dev.gatehouse.application.port.in.session.Introspection;
import dev.gatehouse.domain.user.TokenScope;
import java.util.Optional;

/**
 * Answers gateways whether a workspace session token is live: live means what the entry
 * operations accept ({@link SessionGate}). Any other token answers inactive, the same way
 * whatever the reason.
 */
public final class IntrospectSessionService implements IntrospectSessionUseCase {
  private final SessionGate gate;

  public IntrospectSessionService(SessionGate gate) {
    this.gate = gate;
  }

  @Override
  public Introspection introspect(IntrospectSessionQuery query) {
    if (!query.caller().user().isAdministrator() && !query.caller().hasScope(TokenScope.INTROSPECT)) {
      throw new AccessDeniedException("introspection needs an administrator's token or a token with scope introspect");
    }
    return gate.liveSession(query.token())
        .map(opened -> new Introspection(Optional.of(
            SessionSummaries.of(opened.session(), opened.workspace().name()))))
        .orElse(Introspection.INACTIVE);
  }
}
