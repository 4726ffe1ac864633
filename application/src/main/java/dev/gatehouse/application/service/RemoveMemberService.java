package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.application.port.in.RemoveMemberUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;

/** Removes members from workspaces (administrators). */
public final class RemoveMemberService implements RemoveMemberUseCase {
  private final WorkspaceRepository workspaces;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public RemoveMemberService(UserRepository users, WorkspaceRepository workspaces, AuditLog audit,
      UnitOfWork unitOfWork, Clock clock) {
    this.workspaces = workspaces;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public Workspace remove(RemoveMemberCommand command) {
    User actor = access.administrator(command.actor());
    return transactions.write(() -> {
      Workspace workspace = access.workspace(command.workspace());
      if (!workspace.isMember(command.member())) {
        throw new NotFoundException(command.member() + " is not a member of " + workspace.name());
      }
      Workspace updated = workspace.withoutMember(command.member());
      workspaces.update(updated);
      audit.append(AuditEvent.of(AuditEventType.MEMBER_REMOVED, clock.instant()).actor(actor.name())
          .workspace(workspace.name()).subject(command.member()).build());
      return updated;
    });
  }
}
