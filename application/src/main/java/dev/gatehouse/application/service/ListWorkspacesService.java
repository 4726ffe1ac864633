package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.DuoSummary;
import dev.gatehouse.application.port.in.ListWorkspacesQuery;
import dev.gatehouse.application.port.in.ListWorkspacesUseCase;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.List;
import java.util.Optional;

/** Lists all workspaces for administrators and their own for members. */
public final class ListWorkspacesService implements ListWorkspacesUseCase {
  private final WorkspaceRepository workspaces;
  private final MfaPolicyRepository policies;
  private final Access access;

  public ListWorkspacesService(UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies) {
    this.workspaces = workspaces;
    this.policies = policies;
    this.access = new Access(users, workspaces);
  }

  @Override
  public List<WorkspaceDetails> list(ListWorkspacesQuery query) {
    User actor = access.actor(query.actor());
    return Transactions.read(() -> (actor.isAdministrator() ? workspaces.list() : workspaces.listOf(actor.name()))
        .stream()
        .map(w -> details(w, workspaces, policies))
        .toList());
  }

  /** The workspace with its members and Duo summary, as the faces show it. */
  static WorkspaceDetails details(Workspace workspace, WorkspaceRepository workspaces,
      MfaPolicyRepository policies) {
    MfaPolicy policy = policies.find(workspace.id());
    return new WorkspaceDetails(workspace, workspaces.members(workspace.id()), policy instanceof MfaPolicy.Duo duo
        ? Optional.of(DuoSummary.from(duo)) : Optional.empty());
  }
}
