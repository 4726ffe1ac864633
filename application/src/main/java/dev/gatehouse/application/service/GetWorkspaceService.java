package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.user.User;

/** Shows one workspace to administrators and its members. */
public final class GetWorkspaceService implements GetWorkspaceUseCase {
  private final WorkspaceRepository workspaces;
  private final MfaPolicyRepository policies;
  private final Access access;

  public GetWorkspaceService(UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies) {
    this.workspaces = workspaces;
    this.policies = policies;
    this.access = new Access(users, workspaces);
  }

  @Override
  public WorkspaceDetails get(GetWorkspaceQuery query) {
    User actor = access.actor(query.actor());
    return Transactions.read(() -> ListWorkspacesService.details(
        access.workspaceVisibleTo(actor, query.name()), workspaces, policies));
  }
}
