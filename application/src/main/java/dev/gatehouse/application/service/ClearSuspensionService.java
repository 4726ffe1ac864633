package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ClearSuspensionUseCase;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;

/** Lifts the fraud suspension of a member of a workspace (administrators). */
public final class ClearSuspensionService implements ClearSuspensionUseCase {
  private final AccessGuardRepository guards;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public ClearSuspensionService(UserRepository users, WorkspaceRepository workspaces,
      AccessGuardRepository guards, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.guards = guards;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public void clear(ClearSuspensionCommand command) {
    User actor = access.administrator(command.actor());
    Workspace workspace = access.workspace(command.workspace());
    access.existingUser(command.member());
    transactions.write(() -> {
      AccessGuard guard = guards.find(workspace.id(), command.member())
          .filter(AccessGuard::isSuspended)
          .orElseThrow(() -> new ConflictException(
              command.member() + " is not suspended in workspace " + workspace.name()));
      guards.save(guard.clearSuspension());
      audit.append(AuditEvent.of(AuditEventType.SUSPENSION_CLEARED, clock.instant()).actor(actor.name())
          .workspace(workspace.name()).subject(command.member()).outcome("cleared").build());
    });
  }
}
