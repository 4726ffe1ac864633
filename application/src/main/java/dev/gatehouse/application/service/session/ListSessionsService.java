package dev.gatehouse.application.service.session;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.session.ListSessionsQuery;
import dev.gatehouse.application.port.in.session.ListSessionsUseCase;
import dev.gatehouse.application.port.in.session.SessionSummary;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.util.List;

/** Lists a workspace's live sessions (administrators); never their tokens. */
public final class ListSessionsService implements ListSessionsUseCase {
  private final WorkspaceSessionRepository sessions;
  private final Access access;
  private final Clock clock;

  public ListSessionsService(UserRepository users, WorkspaceRepository workspaces,
      WorkspaceSessionRepository sessions, Clock clock) {
    this.sessions = sessions;
    this.access = new Access(users, workspaces);
    this.clock = clock;
  }

  @Override
  public List<SessionSummary> list(ListSessionsQuery query) {
    access.administrator(query.actor());
    Workspace workspace = access.workspace(query.workspace());
    return Transactions.read(() -> sessions.listLive(workspace.id(), clock.instant())).stream()
        .map(s -> SessionSummaries.of(s, workspace.name())).toList();
  }
}
