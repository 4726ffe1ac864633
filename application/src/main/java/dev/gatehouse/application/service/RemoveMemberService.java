package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.application.port.in.RemoveMemberUseCase;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.Optional;

/**
 * Removes members from workspaces (administrators). The member's open challenges for the
 * workspace are cancelled in the same unit of work, so none of them can still open it.
 */
public final class RemoveMemberService implements RemoveMemberUseCase {
  private final ChallengeEngine engine;
  private final SessionRevocation revocation;

  public RemoveMemberService(GatehousePorts ports) {
    this.engine = new ChallengeEngine(ports);
    this.revocation = new SessionRevocation(ports.sessions(), ports.audit(), ports.clock());
  }

  @Override
  public WorkspaceDetails remove(RemoveMemberCommand command) {
    User actor = engine.access.administrator(command.actor());
    return engine.transactions.write(() -> {
      Workspace workspace = engine.access.workspaceForUpdate(command.workspace());
      if (!engine.ports.workspaces().removeMember(workspace.id(), command.member())) {
        throw new NotFoundException(command.member() + " is not a member of " + workspace.name());
      }
      engine.ports.audit().append(AuditEvent.of(AuditEventType.MEMBER_REMOVED, engine.ports.clock().instant())
          .actor(actor.name()).workspace(workspace.name()).subject(command.member()).build());
      engine.outcomes.cancelOpen(workspace.id(), command.member(),
          StatusMessage.of("Cancelled: the member was removed from the workspace"));
      revocation.revoke(workspace, Optional.of(command.member()), Optional.of(actor.name()),
          "member removed from the workspace");
      return ListWorkspacesService.details(workspace, engine.ports.workspaces(), engine.ports.policies());
    });
  }
}
