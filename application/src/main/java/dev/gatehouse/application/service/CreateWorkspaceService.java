package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;

/** Creates workspaces (administrators). */
public final class CreateWorkspaceService implements CreateWorkspaceUseCase {
  private final WorkspaceRepository workspaces;
  private final SecureTokenSource tokens;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public CreateWorkspaceService(UserRepository users, WorkspaceRepository workspaces,
      SecureTokenSource tokens, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.workspaces = workspaces;
    this.tokens = tokens;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public Workspace create(CreateWorkspaceCommand command) {
    User actor = access.administrator(command.actor());
    return transactions.write(() -> {
      if (workspaces.find(command.name()).isPresent()) {
        throw new ConflictException("a workspace named " + command.name() + " already exists");
      }
      Workspace workspace = Workspace.create(tokens.newWorkspaceId(), command.name(),
          command.description(), clock.instant());
      workspaces.add(workspace);
      audit.append(AuditEvent.of(AuditEventType.WORKSPACE_CREATED, clock.instant())
          .actor(actor.name()).workspace(workspace.name()).build());
      return workspace;
    });
  }
}
