package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.FreshApproval;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.StepUpAction;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ClearSuspensionUseCase;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;

/**
 * Lifts the fraud suspension of a member of a workspace (administrators; in a Duo workspace only
 * with the administrator's own fresh Duo approval).
 */
public final class ClearSuspensionService implements ClearSuspensionUseCase {
  private final AccessGuardRepository guards;
  private final MfaPolicyRepository policies;
  private final AuditLog audit;
  private final Access access;
  private final FreshApproval freshApproval;
  private final Transactions transactions;
  private final Clock clock;

  public ClearSuspensionService(UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies, AccessGuardRepository guards, AuditLog audit, UnitOfWork unitOfWork,
      FreshApproval freshApproval, Clock clock) {
    this.guards = guards;
    this.policies = policies;
    this.audit = audit;
    this.freshApproval = freshApproval;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public void clear(ClearSuspensionCommand command) {
    User actor = access.administrator(command.actor());
    Workspace workspace = access.workspace(command.workspace());
    access.existingUser(command.member());
    if (Transactions.read(() -> policies.find(workspace.id())) instanceof MfaPolicy.Duo) {
      freshApproval.require(actor, workspace, StepUpAction.CLEAR_SUSPENSION, command.member());
    }
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
