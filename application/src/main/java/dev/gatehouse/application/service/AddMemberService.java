package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddMemberUseCase;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.util.Optional;

/** Adds members to workspaces (administrators). */
public final class AddMemberService implements AddMemberUseCase {
  private final WorkspaceRepository workspaces;
  private final MfaPolicyRepository policies;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public AddMemberService(UserRepository users, WorkspaceRepository workspaces, MfaPolicyRepository policies,
      AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.workspaces = workspaces;
    this.policies = policies;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public WorkspaceDetails add(AddMemberCommand command) {
    User actor = access.administrator(command.actor());
    User member = access.existingUser(command.member());
    return transactions.write(() -> {
      // The workspace row's lock serialises membership changes of one workspace.
      Workspace workspace = access.workspaceForUpdate(command.workspace());
      Optional<MemberRole> current = workspaces.roleOf(workspace.id(), member.name());
      MemberRole role = command.role().or(() -> current).orElse(MemberRole.READER);
      if (!current.equals(Optional.of(role))) {
        // Adding a member twice changes nothing (REST's PUT is idempotent), so nothing is audited.
        workspaces.putMember(workspace.id(), member.name(), role);
        AuditEventType type = current.isPresent() ? AuditEventType.MEMBER_ROLE_CHANGED : AuditEventType.MEMBER_ADDED;
        audit.append(AuditEvent.of(type, clock.instant()).actor(actor.name()).workspace(workspace.name())
            .subject(member.name()).outcome(role.wireName()).build());
      }
      return ListWorkspacesService.details(workspace, workspaces, policies);
    });
  }
}
