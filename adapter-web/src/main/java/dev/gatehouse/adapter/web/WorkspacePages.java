package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.ListWorkspacesQuery;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The workspaces list, one workspace's page, and opening and closing it. */
final class WorkspacePages {
  private final Gatehouse gatehouse;
  private final WebChallenges challenges;

  WorkspacePages(Gatehouse gatehouse, WebChallenges challenges) {
    this.gatehouse = gatehouse;
    this.challenges = challenges;
  }

  List<WebRoute> routes() {
    return List.of(
        WebRoute.get("/workspaces", this::list),
        WebRoute.get("/workspaces/{workspace}", this::show),
        WebRoute.post("/workspaces/{workspace}/open", this::open),
        WebRoute.post("/workspaces/{workspace}/close", this::close));
  }

  void list(WebRequest request) {
    List<WorkspaceDetails> workspaces = gatehouse.listWorkspaces().list(new ListWorkspacesQuery(request.actor()));
    Set<String> open = workspaces.stream().map(w -> w.workspace().name())
        .filter(name -> request.session().openSession(name).isPresent())
        .map(WorkspaceName::value).collect(Collectors.toSet());
    request.render("workspaces.jte", Map.of("frame", request.frame("Workspaces"), "workspaces", workspaces,
        "open", open, "actor", request.actor()));
  }

  void show(WebRequest request) {
    render(request, 200, Optional.empty(), Optional.empty());
  }

  void open(WebRequest request) {
    WorkspaceName workspace = workspace(request);
    UnlockResult result = gatehouse.openWorkspace().open(new OpenWorkspaceCommand(request.actor(), workspace,
        request.client()));
    if (result instanceof UnlockResult.Granted granted) {
      challenges.keep(request, granted.session());
      request.redirect(entriesHref(workspace));
      return;
    }
    if (result instanceof UnlockResult.Pending pending) {
      request.redirect("/challenges/" + WebLink.segment(pending.challenge().id().value()));
      return;
    }
    if (result instanceof UnlockResult.Denied denied) {
      render(request, 403, Optional.of(WebText.denial(denied.denial())), denied.denial().enrollmentUrl());
      return;
    }
    throw new IllegalStateException("unmapped unlock result " + result.getClass().getName());
  }

  void close(WebRequest request) {
    WorkspaceName workspace = workspace(request);
    request.session().forget(workspace).ifPresent(open -> gatehouse.closeSession().close(
        new CloseSessionCommand(new SessionCredentials(request.actor(), workspace, open.token()))));
    request.redirect(href(workspace) + "?notice=" + WebNotice.CLOSED.code());
  }

  private void render(WebRequest request, int status, Optional<String> denial, Optional<String> enrollmentUrl) {
    WorkspaceName name = workspace(request);
    WorkspaceDetails details = gatehouse.getWorkspace().get(new GetWorkspaceQuery(request.actor(), name));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", request.frame(name.value(), WebLink.workspaces()));
    params.put("details", details);
    params.put("role", details.roleOf(request.actor()).map(r -> r.wireName()).orElse("none"));
    params.put("open", request.session().openSession(name));
    params.put("denial", denial);
    params.put("enrollmentUrl", enrollmentUrl.filter(url -> url.startsWith("https://")));
    request.render(status, "workspace.jte", params);
  }

  static WorkspaceName workspace(WebRequest request) {
    return new WorkspaceName(request.path("workspace"));
  }

  static String href(WorkspaceName workspace) {
    return "/workspaces/" + WebLink.segment(workspace.value());
  }

  static String entriesHref(WorkspaceName workspace) {
    return href(workspace) + "/entries";
  }
}
