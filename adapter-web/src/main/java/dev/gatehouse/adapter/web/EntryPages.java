package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.entry.GetEntryQuery;
import dev.gatehouse.application.port.in.entry.ListEntriesQuery;
import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open workspace's entries, one entry's details, and Reveal: the secret is shown only in the
 * answer to that POST (audited by the core, never cached), never in a URL.
 */
final class EntryPages {
  private final Gatehouse gatehouse;

  EntryPages(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  List<WebRoute> routes() {
    return List.of(
        WebRoute.get("/workspaces/{workspace}/entries", this::list),
        WebRoute.get("/workspaces/{workspace}/entries/{entry}", this::show),
        WebRoute.post("/workspaces/{workspace}/entries/{entry}/reveal", this::reveal));
  }

  void list(WebRequest request) {
    WorkspaceName workspace = WorkspacePages.workspace(request);
    guarded(request, workspace, () -> credentials(request, workspace).ifPresent(credentials -> {
      List<Entry> entries = gatehouse.listEntries().list(new ListEntriesQuery(credentials));
      Map<String, Object> params = new HashMap<>();
      params.put("frame", request.frame("Entries", WebLink.workspaces(), WebLink.workspace(workspace.value())));
      params.put("workspace", workspace.value());
      params.put("entries", entries);
      params.put("open", request.session().openSession(workspace).orElseThrow());
      request.render("entries.jte", params);
    }));
  }

  void show(WebRequest request) {
    WorkspaceName workspace = WorkspacePages.workspace(request);
    EntryName entry = new EntryName(request.path("entry"));
    guarded(request, workspace, () -> credentials(request, workspace)
        .ifPresent(credentials -> render(request, credentials, entry, Optional.empty())));
  }

  void reveal(WebRequest request) {
    WorkspaceName workspace = WorkspacePages.workspace(request);
    EntryName entry = new EntryName(request.path("entry"));
    guarded(request, workspace, () -> credentials(request, workspace).ifPresent(credentials -> {
      RevealEntryResult result = gatehouse.revealEntry().reveal(new RevealEntryCommand(credentials, entry,
          request.client()));
      if (result instanceof RevealEntryResult.Revealed revealed) {
        render(request, credentials, entry, Optional.of(revealed.entry()));
      } else if (result instanceof RevealEntryResult.StepUpRequired stepUp) {
        // The entry asks for a fresh Duo approval: the usual Duo prompt, then back to Reveal.
        request.redirect("/challenges/" + WebLink.segment(stepUp.challenge().id().value()));
      } else if (result instanceof RevealEntryResult.Denied denied) {
        request.render(403, "error.jte", Map.of("frame", request.frame("Denied"), "status", 403,
            "message", WebText.denial(denied.denial())));
      } else {
        throw new IllegalStateException("unmapped reveal result " + result.getClass().getName());
      }
    }));
  }

  private void render(WebRequest request, SessionCredentials credentials, EntryName name,
      Optional<RevealedEntry> revealed) {
    WorkspaceName workspace = credentials.workspace();
    Entry entry = gatehouse.getEntry().get(new GetEntryQuery(credentials, name));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", request.frame(name.value(), WebLink.workspaces(), WebLink.workspace(workspace.value()),
        WebLink.to("Entries", WorkspacePages.entriesHref(workspace))));
    params.put("workspace", workspace.value());
    params.put("entry", entry);
    params.put("revealed", revealed);
    request.render("entry.jte", params);
  }

  /** This browser's session for the workspace; without one, sends the browser to the workspace page to open it. */
  private static Optional<SessionCredentials> credentials(WebRequest request, WorkspaceName workspace) {
    Optional<WebOpenWorkspace> open = request.session().openSession(workspace);
    if (open.isEmpty()) {
      openFirst(request, workspace);
    }
    return open.map(o -> new SessionCredentials(request.actor(), workspace, o.token()));
  }

  /** Runs the action; when the core says the session is no longer live, forgets it and asks to open again. */
  private static void guarded(WebRequest request, WorkspaceName workspace, Runnable action) {
    try {
      action.run();
    } catch (SessionRequiredException e) {
      request.session().forget(workspace);
      openFirst(request, workspace);
    }
  }

  private static void openFirst(WebRequest request, WorkspaceName workspace) {
    request.redirect(WorkspacePages.href(workspace) + "?notice=" + WebNotice.OPEN_FIRST.code());
  }
}
