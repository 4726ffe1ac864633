package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.FreshApproval;
import dev.gatehouse.application.service.common.SessionRevocation;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.StepUpAction;
import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.application.port.in.DisableMfaUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.util.Optional;

/**
 * Removes a workspace's second factor (administrators; from a Duo workspace only with the
 * administrator's own fresh Duo approval); the Duo secret key is discarded.
 */
public final class DisableMfaService implements DisableMfaUseCase {
  private final MfaPolicyRepository policies;
  private final AuditLog audit;
  private final SessionRevocation revocation;
  private final Access access;
  private final FreshApproval freshApproval;
  private final Transactions transactions;
  private final Clock clock;

  public DisableMfaService(UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies, WorkspaceSessionRepository sessions, AuditLog audit, UnitOfWork unitOfWork,
      FreshApproval freshApproval, Clock clock) {
    this.policies = policies;
    this.freshApproval = freshApproval;
    this.audit = audit;
    this.revocation = new SessionRevocation(sessions, audit, clock);
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public void disable(DisableMfaCommand command) {
    User actor = access.administrator(command.actor());
    Workspace workspace = access.workspace(command.workspace());
    if (Transactions.read(() -> policies.find(workspace.id())) instanceof MfaPolicy.Duo) {
      freshApproval.require(actor, workspace, StepUpAction.REMOVE_MFA);
    }
    transactions.write(() -> {
      if (policies.find(workspace.id()) instanceof MfaPolicy.None) {
        return; // already without a second factor: nothing changes, nothing to audit
      }
      revocation.revoke(workspace, Optional.empty(), Optional.of(actor.name()), "MFA removed");
      policies.save(workspace.id(), MfaPolicy.NONE);
      audit.append(AuditEvent.of(AuditEventType.MFA_DISABLED, clock.instant()).actor(actor.name())
          .workspace(workspace.name()).outcome("none").build());
    });
  }
}
