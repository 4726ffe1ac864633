package dev.gatehouse.adapter.web;

import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One signed-in browser: whose it is, the API token it signed in with (kept in memory on this node
 * to re-check on every request, never sent back), its CSRF token, when it was last used, and the
 * workspaces it opened.
 */
final class WebSession {
  private final UserName user;
  private final SecretToken apiToken;
  private final String csrfToken;
  private final Map<WorkspaceName, WebOpenWorkspace> open = new ConcurrentHashMap<>();
  private volatile Instant lastSeen;

  WebSession(UserName user, SecretToken apiToken, String csrfToken, Instant now) {
    this.user = user;
    this.apiToken = apiToken;
    this.csrfToken = csrfToken;
    this.lastSeen = now;
  }

  UserName user() {
    return user;
  }

  SecretToken apiToken() {
    return apiToken;
  }

  /** The synchronizer token every POST form of this web session carries. */
  String csrfToken() {
    return csrfToken;
  }

  boolean acceptsCsrf(String presented) {
    return WebTokens.same(csrfToken, presented);
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void touch(Instant now) {
    lastSeen = now;
  }

  void opened(WorkspaceName workspace, WebOpenWorkspace session) {
    open.put(workspace, session);
  }

  Optional<WebOpenWorkspace> openSession(WorkspaceName workspace) {
    return Optional.ofNullable(open.get(workspace));
  }

  Optional<WebOpenWorkspace> forget(WorkspaceName workspace) {
    return Optional.ofNullable(open.remove(workspace));
  }

  /** The open workspaces, removed from this web session (for closing them). */
  Map<WorkspaceName, WebOpenWorkspace> forgetAll() {
    Map<WorkspaceName, WebOpenWorkspace> all = Map.copyOf(open);
    all.keySet().forEach(open::remove);
    return all;
  }

  @Override
  public String toString() {
    return "WebSession[" + user + ", " + open.size() + " open]";
  }
}
