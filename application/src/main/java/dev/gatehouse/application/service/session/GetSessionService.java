package dev.gatehouse.application.service.session;

import dev.gatehouse.application.port.in.session.GetSessionQuery;
import dev.gatehouse.application.port.in.session.GetSessionUseCase;
import dev.gatehouse.application.port.in.session.SessionSummary;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.Optional;

/** Tells a member whether their workspace session is live and until when. */
public final class GetSessionService implements GetSessionUseCase {
  private final SessionGate gate;

  public GetSessionService(SessionGate gate) {
    this.gate = gate;
  }

  @Override
  public Optional<SessionSummary> get(GetSessionQuery query) {
    Workspace workspace = gate.member(query.credentials());
    return gate.live(query.credentials(), workspace).map(s -> SessionSummaries.of(s, workspace.name()));
  }
}
