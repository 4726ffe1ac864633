package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.SessionRevocation;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.service.challenge.ChallengeLifecycle;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.application.port.in.RemoveMemberUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.util.Optional;

/**
 * Removes members from workspaces (administrators). The member's open challenges for the
 * workspace are cancelled in the same unit of work, so none of them can still open it.
 */
public final class RemoveMemberService implements RemoveMemberUseCase {
  private final Access access;
  private final WorkspaceRepository workspaces;
  private final MfaPolicyRepository policies;
  private final AuditLog audit;
  private final Transactions transactions;
  private final SessionRevocation revocation;
  private final ChallengeLifecycle lifecycle;
  private final Clock clock;

  public RemoveMemberService(UserRepository users, WorkspaceRepository workspaces, MfaPolicyRepository policies,
      WorkspaceSessionRepository sessions, AuditLog audit, UnitOfWork unitOfWork, ChallengeLifecycle lifecycle,
      Clock clock) {
    this.access = new Access(users, workspaces);
    this.workspaces = workspaces;
    this.policies = policies;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.revocation = new SessionRevocation(sessions, audit, clock);
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public WorkspaceDetails remove(RemoveMemberCommand command) {
    User actor = access.administrator(command.actor());
    return transactions.write(() -> {
      Workspace workspace = access.workspaceForUpdate(command.workspace());
      if (!workspaces.removeMember(workspace.id(), command.member())) {
        throw new NotFoundException(command.member() + " is not a member of " + workspace.name());
      }
      audit.append(AuditEvent.of(AuditEventType.MEMBER_REMOVED, clock.instant())
          .actor(actor.name()).workspace(workspace.name()).subject(command.member()).build());
      lifecycle.cancelRemoved(workspace.id(), command.member());
      revocation.revoke(workspace, Optional.of(command.member()), Optional.of(actor.name()),
          "member removed from the workspace");
      return ListWorkspacesService.details(workspace, workspaces, policies);
    });
  }
}
