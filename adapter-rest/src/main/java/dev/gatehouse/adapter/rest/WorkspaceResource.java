package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddMemberUseCase;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ClearSuspensionUseCase;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.CreateWorkspaceUseCase;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.application.port.in.ListWorkspacesUseCase;
import dev.gatehouse.application.port.in.RemoveMemberUseCase;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.ListWorkspacesQuery;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;
import java.util.Optional;

/** Workspaces and their members. */
final class WorkspaceResource {
  private final CreateWorkspaceUseCase createWorkspace;
  private final ListWorkspacesUseCase listWorkspaces;
  private final GetWorkspaceUseCase getWorkspace;
  private final AddMemberUseCase addMember;
  private final RemoveMemberUseCase removeMember;
  private final ClearSuspensionUseCase clearSuspension;

  WorkspaceResource(CreateWorkspaceUseCase createWorkspace, ListWorkspacesUseCase listWorkspaces,
      GetWorkspaceUseCase getWorkspace, AddMemberUseCase addMember, RemoveMemberUseCase removeMember,
      ClearSuspensionUseCase clearSuspension) {
    this.createWorkspace = createWorkspace;
    this.listWorkspaces = listWorkspaces;
    this.getWorkspace = getWorkspace;
    this.addMember = addMember;
    this.removeMember = removeMember;
    this.clearSuspension = clearSuspension;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("POST", "/api/v1/workspaces", RestAccess.BEARER, this::create).withBody(RestGuard.ADMINISTRATOR),
        RestRoute.sync("GET", "/api/v1/workspaces", RestAccess.BEARER, this::list),
        RestRoute.sync("GET", "/api/v1/workspaces/{name}", RestAccess.BEARER, this::get),
        RestRoute.sync("PUT", "/api/v1/workspaces/{name}/members/{user}", RestAccess.BEARER, this::addMember)
            .withBody(RestGuard.ADMINISTRATOR),
        RestRoute.sync("DELETE", "/api/v1/workspaces/{name}/members/{user}", RestAccess.BEARER, this::removeMember),
        RestRoute.sync("DELETE", "/api/v1/workspaces/{name}/members/{user}/suspension", RestAccess.BEARER,
            this::clearSuspension));
  }

  static WorkspaceName workspace(RestRequest request) {
    return RestFields.one("name", () -> new WorkspaceName(request.path("name")));
  }

  static String location(WorkspaceName name) {
    return "/api/v1/workspaces/" + name.value();
  }

  RestReply create(RestRequest request) {
    RestCreateWorkspaceRequest body = request.body(RestCreateWorkspaceRequest.class);
    Workspace created = createWorkspace.create(body.toCommand(request.actor()));
    return RestReply.created(details(request.actor(), created.name()), location(created.name()));
  }

  RestReply list(RestRequest request) {
    return RestReply.ok(RestWorkspaceList.from(
        listWorkspaces.list(new ListWorkspacesQuery(request.actor()))));
  }

  RestReply get(RestRequest request) {
    return RestReply.ok(details(request.actor(), workspace(request)));
  }

  /**
   * PUT is idempotent: adding a member who already is one (in the requested role, if any) answers
   * 200 with the workspace, like the first time. A core that refuses the repeat with a
   * {@link ConflictException} (or loses a race to a concurrent add) is answered the same way once
   * the member is seen in the workspace in that role; any other conflict stays 409. The optional
   * body {@code {"role": "reader"|"editor"}} sets the role (a new member without one is a reader).
   */
  RestReply addMember(RestRequest request) {
    Membership m = membership(request);
    Optional<MemberRole> role = request.optionalBody(RestAddMemberRequest.class)
        .orElse(RestAddMemberRequest.NONE).toDomain();
    return addMember(request.actor(), m.workspace(), m.member(), role);
  }

  RestReply addMember(UserName actor, WorkspaceName workspace, UserName member, Optional<MemberRole> role) {
    try {
      addMember.add(new AddMemberCommand(actor, workspace, member, role));
    } catch (ConflictException e) {
      RestWorkspace current = details(actor, workspace);
      String held = current.roles().get(member.value());
      if (held != null && role.map(r -> r.wireName().equals(held)).orElse(true)) {
        return RestReply.ok(current);
      }
      throw e;
    }
    return RestReply.ok(details(actor, workspace));
  }

  RestReply removeMember(RestRequest request) {
    Membership m = membership(request);
    removeMember.remove(new RemoveMemberCommand(request.actor(), m.workspace(), m.member()));
    return RestReply.ok(details(request.actor(), m.workspace()));
  }

  RestReply clearSuspension(RestRequest request) {
    Membership m = membership(request);
    clearSuspension.clear(new ClearSuspensionCommand(request.actor(), m.workspace(), m.member()));
    return RestReply.noContent();
  }

  private RestWorkspace details(UserName actor, WorkspaceName name) {
    return RestWorkspace.from(getWorkspace.get(new GetWorkspaceQuery(actor, name)));
  }

  private static Membership membership(RestRequest request) {
    RestFields fields = new RestFields();
    WorkspaceName workspace = fields.parse("name", () -> new WorkspaceName(request.path("name")));
    UserName member = fields.parse("user", () -> new UserName(request.path("user")));
    fields.check();
    return new Membership(workspace, member);
  }

  private record Membership(WorkspaceName workspace, UserName member) {}
}
