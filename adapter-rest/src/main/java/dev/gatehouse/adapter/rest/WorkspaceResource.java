package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.ListWorkspacesQuery;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;

/** Workspaces and their members. */
final class WorkspaceResource {
  private final Gatehouse gatehouse;

  WorkspaceResource(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("POST", "/api/v1/workspaces", RestAccess.BEARER, this::create),
        RestRoute.sync("GET", "/api/v1/workspaces", RestAccess.BEARER, this::list),
        RestRoute.sync("GET", "/api/v1/workspaces/{name}", RestAccess.BEARER, this::get),
        RestRoute.sync("PUT", "/api/v1/workspaces/{name}/members/{user}", RestAccess.BEARER, this::addMember),
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
    Workspace created = gatehouse.createWorkspace().create(body.toCommand(request.actor()));
    return RestReply.created(details(request.actor(), created.name()), location(created.name()));
  }

  RestReply list(RestRequest request) {
    return RestReply.ok(RestWorkspaceList.from(
        gatehouse.listWorkspaces().list(new ListWorkspacesQuery(request.actor()))));
  }

  RestReply get(RestRequest request) {
    return RestReply.ok(details(request.actor(), workspace(request)));
  }

  RestReply addMember(RestRequest request) {
    Membership m = membership(request);
    gatehouse.addMember().add(new AddMemberCommand(request.actor(), m.workspace(), m.member()));
    return RestReply.ok(details(request.actor(), m.workspace()));
  }

  RestReply removeMember(RestRequest request) {
    Membership m = membership(request);
    gatehouse.removeMember().remove(new RemoveMemberCommand(request.actor(), m.workspace(), m.member()));
    return RestReply.ok(details(request.actor(), m.workspace()));
  }

  RestReply clearSuspension(RestRequest request) {
    Membership m = membership(request);
    gatehouse.clearSuspension().clear(new ClearSuspensionCommand(request.actor(), m.workspace(), m.member()));
    return RestReply.noContent();
  }

  private RestWorkspace details(UserName actor, WorkspaceName name) {
    return RestWorkspace.from(gatehouse.getWorkspace().get(new GetWorkspaceQuery(actor, name)));
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
