package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.in.session.ListSessionsQuery;
import dev.gatehouse.application.port.in.session.RevokeSessionCommand;
import dev.gatehouse.application.port.in.session.SessionSummary;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What administrators see besides security: a workspace's members (roles, add, remove, Clear a
 * suspension), its live sessions (Revoke) and the audit trail with filters. Others get 403.
 */
final class AdminPages {
  private final Gatehouse gatehouse;

  AdminPages(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  /** The audit page's filters as typed, and the messages for those that are invalid. */
  record AuditFilter(String workspace, String user, int limit, Map<String, String> errors) {}

  List<WebRoute> routes() {
    return List.of(
        WebRoute.get("/workspaces/{workspace}/members", this::members),
        WebRoute.post("/workspaces/{workspace}/members", this::addMember),
        WebRoute.post("/workspaces/{workspace}/members/{member}/remove", this::removeMember),
        WebRoute.post("/workspaces/{workspace}/members/{member}/clear-suspension", this::clearSuspension),
        WebRoute.get("/workspaces/{workspace}/sessions", this::sessions),
        WebRoute.post("/workspaces/{workspace}/sessions/{session}/revoke", this::revoke),
        WebRoute.get("/audit", this::audit));
  }

  void members(WebRequest request) {
    renderMembers(request, 200, Map.of(), "", "reader");
  }

  void addMember(WebRequest request) {
    WorkspaceName workspace = workspace(request);
    WebForm form = new WebForm();
    String memberText = request.form("member");
    String roleText = request.form("role");
    UserName member = form.parse("member", () -> new UserName(memberText));
    MemberRole role = form.parse("role", () -> MemberRole.fromWireName(roleText));
    if (!form.valid()) {
      renderMembers(request, 400, form.errors(), memberText, roleText);
      return;
    }
    gatehouse.addMember().add(new AddMemberCommand(request.actor(), workspace, member, Optional.of(role)));
    request.redirect(membersHref(workspace) + "?notice=" + WebNotice.MEMBER_SAVED.code());
  }

  void removeMember(WebRequest request) {
    WorkspaceName workspace = workspace(request);
    gatehouse.removeMember().remove(new RemoveMemberCommand(request.actor(), workspace,
        new UserName(request.path("member"))));
    request.redirect(membersHref(workspace) + "?notice=" + WebNotice.MEMBER_REMOVED.code());
  }

  /** The core lists no suspensions, so every member row offers Clear; clearing a member who is not suspended says so. */
  void clearSuspension(WebRequest request) {
    WorkspaceName workspace = workspace(request);
    WebNotice notice = WebNotice.SUSPENSION_CLEARED;
    try {
      gatehouse.clearSuspension().clear(new ClearSuspensionCommand(request.actor(), workspace,
          new UserName(request.path("member"))));
    } catch (ConflictException e) {
      notice = WebNotice.NOTHING_TO_CLEAR;
    }
    request.redirect(membersHref(workspace) + "?notice=" + notice.code());
  }

  void sessions(WebRequest request) {
    WorkspaceName workspace = workspace(request);
    List<SessionSummary> sessions = gatehouse.listSessions().list(new ListSessionsQuery(request.actor(), workspace));
    request.render("sessions.jte", Map.of("frame", request.frame("Live sessions", WebLink.workspaces(),
        WebLink.workspace(workspace.value())), "workspace", workspace.value(), "sessions", sessions));
  }

  void revoke(WebRequest request) {
    WorkspaceName workspace = workspace(request);
    gatehouse.revokeSession().revoke(new RevokeSessionCommand(request.actor(), workspace,
        new SessionId(request.path("session"))));
    request.redirect(WorkspacePages.href(workspace) + "/sessions?notice=" + WebNotice.REVOKED.code());
  }

  void audit(WebRequest request) {
    requireAdministrator(request);
    WebForm form = new WebForm();
    String workspaceText = request.query("workspace").orElse("");
    String userText = request.query("user").orElse("");
    String limitText = request.query("limit").orElse(String.valueOf(ListAuditEventsQuery.DEFAULT_LIMIT));
    Optional<WorkspaceName> workspace = workspaceText.isEmpty() ? Optional.empty()
        : Optional.ofNullable(form.parse("workspace", () -> new WorkspaceName(workspaceText)));
    Optional<UserName> user = userText.isEmpty() ? Optional.empty()
        : Optional.ofNullable(form.parse("user", () -> new UserName(userText)));
    Integer limit = form.parse("limit", () -> limit(limitText));
    List<AuditEvent> events = form.valid()
        ? gatehouse.listAuditEvents().list(new ListAuditEventsQuery(request.actor(), workspace, user, limit))
        : List.of();
    AuditFilter filter = new AuditFilter(workspaceText, userText, limit == null ? ListAuditEventsQuery.DEFAULT_LIMIT : limit,
        form.errors());
    request.render(form.valid() ? 200 : 400, "audit.jte", Map.of("frame", request.frame("Audit trail"),
        "filter", filter, "events", events));
  }

  private void renderMembers(WebRequest request, int status, Map<String, String> errors, String member, String role) {
    WorkspaceName workspace = workspace(request);
    WorkspaceDetails details = gatehouse.getWorkspace().get(new GetWorkspaceQuery(request.actor(), workspace));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", request.frame("Members", WebLink.workspaces(), WebLink.workspace(workspace.value())));
    params.put("details", details);
    params.put("errors", errors);
    params.put("member", member);
    params.put("role", role);
    request.render(status, "members.jte", params);
  }

  private static WorkspaceName workspace(WebRequest request) {
    requireAdministrator(request);
    return WorkspacePages.workspace(request);
  }

  private static void requireAdministrator(WebRequest request) {
    if (!request.isAdministrator()) {
      throw new AccessDeniedException("only administrators see this page");
    }
  }

  private static int limit(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= 1000) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("must be a whole number from 1 to 1000");
  }

  private static String membersHref(WorkspaceName workspace) {
    return WorkspacePages.href(workspace) + "/members";
  }
}
