package dev.gatehouse.application.service.session;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.session.RevokeSessionCommand;
import dev.gatehouse.application.port.in.session.RevokeSessionUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;

/** Revokes one session of a workspace (administrators), at once on every node. */
public final class RevokeSessionService implements RevokeSessionUseCase {
  private final WorkspaceSessionRepository sessions;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public RevokeSessionService(UserRepository users, WorkspaceRepository workspaces,
      WorkspaceSessionRepository sessions, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.sessions = sessions;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public boolean revoke(RevokeSessionCommand command) {
    User actor = access.administrator(command.actor());
    Workspace workspace = access.workspace(command.workspace());
    WorkspaceSession session = Transactions.read(() -> sessions.find(command.session()))
        .filter(s -> s.workspace().equals(workspace.id()))
        .orElseThrow(() -> new NotFoundException("no session " + command.session() + " in workspace " + workspace.name()));
    Instant now = clock.instant();
    return transactions.write(() -> {
      boolean revoked = sessions.revoke(session.id(), now);
      if (revoked) {
        audit.append(AuditEvent.of(AuditEventType.SESSION_REVOKED, now).actor(actor.name())
            .workspace(workspace.name()).subject(session.user()).outcome("revoked")
            .detail("session " + session.id() + " revoked by an administrator").build());
      }
      return revoked;
    });
  }
}
