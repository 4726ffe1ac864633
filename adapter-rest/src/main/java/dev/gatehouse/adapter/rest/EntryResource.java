package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.application.port.in.entry.AddEntryUseCase;
import dev.gatehouse.application.port.in.entry.EditEntryUseCase;
import dev.gatehouse.application.port.in.entry.GetEntryUseCase;
import dev.gatehouse.application.port.in.entry.ListEntriesUseCase;
import dev.gatehouse.application.port.in.entry.RemoveEntryUseCase;
import dev.gatehouse.application.port.in.entry.RevealEntryUseCase;
import dev.gatehouse.application.port.in.entry.GetEntryQuery;
import dev.gatehouse.application.port.in.entry.ListEntriesQuery;
import dev.gatehouse.application.port.in.entry.RemoveEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.session.GetSessionQuery;
import dev.gatehouse.application.port.in.session.GetSessionUseCase;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's entries, behind its live session: every route needs the {@code Gatehouse-Session}
 * header of the caller's session for that workspace next to the bearer token. Secrets are
 * written with an entry and read only through reveal (audited by the core).
 */
final class EntryResource {
  static final String ENTRIES = "/api/v1/workspaces/{name}/entries";
  static final String ENTRY = ENTRIES + "/{entry}";

  private final AddEntryUseCase addEntry;
  private final ListEntriesUseCase listEntries;
  private final GetEntryUseCase getEntry;
  private final EditEntryUseCase editEntry;
  private final RemoveEntryUseCase removeEntry;
  private final RevealEntryUseCase revealEntry;
  private final GetSessionUseCase getSession;
  private final GetWorkspaceUseCase getWorkspace;
  private final RestErrorMapper errors;

  EntryResource(AddEntryUseCase addEntry, ListEntriesUseCase listEntries, GetEntryUseCase getEntry,
      EditEntryUseCase editEntry, RemoveEntryUseCase removeEntry, RevealEntryUseCase revealEntry,
      GetSessionUseCase getSession, GetWorkspaceUseCase getWorkspace, RestErrorMapper errors) {
    this.addEntry = addEntry;
    this.listEntries = listEntries;
    this.getEntry = getEntry;
    this.editEntry = editEntry;
    this.removeEntry = removeEntry;
    this.revealEntry = revealEntry;
    this.getSession = getSession;
    this.getWorkspace = getWorkspace;
    this.errors = errors;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("POST", ENTRIES, RestAccess.BEARER, this::add).withBody(this::mayEditEntries),
        RestRoute.sync("GET", ENTRIES, RestAccess.BEARER, this::list),
        RestRoute.sync("GET", ENTRY, RestAccess.BEARER, this::get),
        RestRoute.sync("PUT", ENTRY, RestAccess.BEARER, this::edit).withBody(this::mayEditEntries),
        RestRoute.sync("DELETE", ENTRY, RestAccess.BEARER, this::remove),
        RestRoute.sync("POST", ENTRY + "/reveal", RestAccess.BEARER, this::reveal));
  }

  RestReply add(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    SessionCredentials session = request.session(workspace);
    RestAddEntryRequest body = request.body(RestAddEntryRequest.class);
    Entry added = addEntry.add(body.toCommand(session));
    return RestReply.created(RestEntry.from(added), location(workspace, added.name()));
  }

  RestReply list(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    return RestReply.ok(RestEntryList.from(
        listEntries.list(new ListEntriesQuery(request.session(workspace)))));
  }

  RestReply get(RestRequest request) {
    Target target = target(request);
    return RestReply.ok(RestEntry.from(getEntry.get(new GetEntryQuery(target.session(), target.entry()))));
  }

  /** Needs the version the entry was read at: a stale one is a 409 and nothing changes. */
  RestReply edit(RestRequest request) {
    Target target = target(request);
    RestEditEntryRequest body = request.body(RestEditEntryRequest.class);
    return RestReply.ok(RestEntry.from(editEntry.edit(body.toCommand(target.session(), target.entry()))));
  }

  /** With {@code ?version=N}, removes the entry only while it is still at that version. */
  RestReply remove(RestRequest request) {
    Target target = target(request);
    Optional<Long> version = request.query("version").map(text -> RestFields.one("version", () -> version(text)));
    removeEntry.remove(new RemoveEntryCommand(target.session(), target.entry(), version));
    return RestReply.noContent();
  }

  /**
   * The secret, once per call, audited with the session id and client address; never cached. An
   * entry with a step-up and no fresh approval on this session answers 202 with the step-up
   * challenge (the same document as a pending unlock); once it is approved, reveal again.
   */
  RestReply reveal(RestRequest request) {
    Target target = target(request);
    return reply(revealEntry.reveal(
        new RevealEntryCommand(target.session(), target.entry(), request.client())));
  }

  /** Revealed 200, step-up required 202 (challenge and links), denied per {@link RestErrorMapper}. */
  RestReply reply(RevealEntryResult result) {
    if (result instanceof RevealEntryResult.Revealed revealed) {
      return RestReply.ok(RestRevealedEntry.from(revealed.entry()));
    }
    if (result instanceof RevealEntryResult.StepUpRequired stepUp) {
      return RestReply.accepted(RestUnlockResponse.pending(stepUp.challenge()),
          RestChallengeLinks.self(stepUp.challenge().id().value()));
    }
    if (result instanceof RevealEntryResult.Denied denied) {
      return errors.denial(denied.denial(), RestText.stepUpDenial(denied.denial()));
    }
    throw new IllegalStateException("unmapped reveal result " + result.getClass().getName());
  }

  /**
   * Editors with a live session, in the order the session gate checks: a member (403), whose
   * session is live (403 session-required), who is an editor (403).
   */
  private void mayEditEntries(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    if (getSession.get(new GetSessionQuery(request.session(workspace))).isEmpty()) {
      throw new SessionRequiredException("no live session for workspace " + workspace + ": open the workspace first");
    }
    boolean editor = getWorkspace.get(new GetWorkspaceQuery(request.actor(), workspace))
        .roleOf(request.actor()).filter(MemberRole::canEditEntries).isPresent();
    if (!editor) {
      throw new AccessDeniedException(request.actor() + " is a reader of workspace " + workspace
          + "; only editors add, edit or remove entries");
    }
  }

  static String location(WorkspaceName workspace, EntryName entry) {
    return WorkspaceResource.location(workspace) + "/entries/" + entry.value();
  }

  /** The workspace and entry of the path (both checked at once), and the caller's session for it. */
  private static Target target(RestRequest request) {
    RestFields fields = new RestFields();
    WorkspaceName workspace = fields.parse("name", () -> new WorkspaceName(request.path("name")));
    EntryName entry = fields.parse("entry", () -> new EntryName(request.path("entry")));
    fields.check();
    return new Target(request.session(workspace), entry);
  }

  private static Long version(String text) {
    try {
      long value = Long.parseLong(text.strip());
      if (value < 0) {
        throw new InvalidValueException("version", "must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidValueException("version", "must be a whole number");
    }
  }

  private record Target(SessionCredentials session, EntryName entry) {}
}
