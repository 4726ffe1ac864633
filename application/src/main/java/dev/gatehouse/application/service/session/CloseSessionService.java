package dev.gatehouse.application.service.session;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.CloseSessionUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Closes (locks) a member's own workspace session. */
public final class CloseSessionService implements CloseSessionUseCase {
  private final SessionGate gate;
  private final WorkspaceSessionRepository sessions;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public CloseSessionService(SessionGate gate, WorkspaceSessionRepository sessions, AuditLog audit,
      UnitOfWork unitOfWork, Clock clock) {
    this.gate = gate;
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public boolean close(CloseSessionCommand command) {
    Workspace workspace = gate.member(command.credentials());
    Optional<WorkspaceSession> live = gate.live(command.credentials(), workspace);
    if (live.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    return transactions.write(() -> {
      boolean closed = sessions.revoke(live.get().id(), now);
      if (closed) {
        audit.append(AuditEvent.of(AuditEventType.SESSION_CLOSED, now).actor(command.credentials().actor())
            .workspace(workspace.name()).outcome("closed").detail("session " + live.get().id()).build());
      }
      return closed;
    });
  }
}
