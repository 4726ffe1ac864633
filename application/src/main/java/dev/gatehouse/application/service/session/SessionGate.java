package dev.gatehouse.application.service.session;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The gate behind the gate: lets a request act inside a workspace only with a live session of the
 * same user for that workspace, while the user is enabled, still a member and not suspended. Every
 * entry and session use case passes through this one place; it is wired once.
 */
public final class SessionGate {
  private final UserRepository users;
  private final WorkspaceRepository workspaces;
  private final WorkspaceSessionRepository sessions;
  private final AccessGuardRepository guards;
  private final SecureTokenSource tokens;
  private final Clock clock;

  public SessionGate(UserRepository users, WorkspaceRepository workspaces,
      WorkspaceSessionRepository sessions, AccessGuardRepository guards, SecureTokenSource tokens,
      Clock clock) {
    this.users = users;
    this.workspaces = workspaces;
    this.sessions = sessions;
    this.guards = guards;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** An opened workspace as seen by one request: who, where, in which role, on which session. */
  public record Opened(User user, Workspace workspace, MemberRole role, WorkspaceSession session) {
    /** Editors only past this point. */
    public Opened editor() {
      if (!role.canEditEntries()) {
        throw new AccessDeniedException(user.name() + " is a reader of workspace " + workspace.name()
            + "; only editors add, edit or remove entries");
      }
      return this;
    }
  }

  /** The opened workspace; throws {@link SessionRequiredException} when the session is not live for it. */
  public Opened require(SessionCredentials credentials) {
    Member member = memberOf(credentials);
    User user = member.user();
    Workspace workspace = member.workspace();
    WorkspaceSession session = live(credentials, workspace)
        .orElseThrow(() -> new SessionRequiredException("no live session for workspace " + workspace.name()
            + ": open the workspace first"));
    if (suspended(workspace, user)) {
      throw new AccessDeniedException("access to workspace " + workspace.name()
          + " is suspended after a fraud report; an administrator must clear it");
    }
    return new Opened(user, workspace, member.role(), session);
  }

  /**
   * The session a token opens, if it is live by the same rule as {@link #require}: not expired or
   * revoked, its user enabled, still a member and not suspended; empty otherwise, whatever the
   * reason (introspection tells no more).
   */
  public Optional<Opened> liveSession(SecretToken token) {
    return Transactions.read(() -> sessions.find(tokens.hash(token)))
        .filter(s -> s.isLiveAt(clock.instant()))
        .flatMap(session -> Transactions.read(() -> users.find(session.user())).filter(u -> !u.isDisabled())
            .flatMap(user -> Transactions.read(() -> workspaces.find(session.workspace()))
                .flatMap(workspace -> Transactions.read(() -> workspaces.roleOf(workspace.id(), user.name()))
                    .filter(role -> !suspended(workspace, user))
                    .map(role -> new Opened(user, workspace, role, session)))));
  }

  private boolean suspended(Workspace workspace, User user) {
    return Transactions.read(() -> guards.find(workspace.id(), user.name())).filter(AccessGuard::isSuspended).isPresent();
  }

  /** The caller's session if it is live for this workspace and user; empty otherwise (never which part failed). */
  public Optional<WorkspaceSession> live(SessionCredentials credentials, Workspace workspace) {
    return Transactions.read(() -> sessions.find(tokens.hash(credentials.session())))
        .filter(s -> s.user().equals(credentials.actor()) && s.workspace().equals(workspace.id()))
        .filter(s -> s.isLiveAt(clock.instant()));
  }

  /**
   * Checks again, inside the unit of work that acts, that the session is still live and the user
   * still a member (in the role checked before): a revocation, removal or demotion that committed
   * since {@link #require} is honoured, so nothing is revealed or changed past it.
   */
  public void recheck(Opened opened) {
    Instant now = clock.instant();
    boolean live = sessions.find(opened.session().id()).filter(s -> s.isLiveAt(now)).isPresent();
    if (!live) {
      throw new SessionRequiredException("the session for workspace " + opened.workspace().name()
          + " ended meanwhile: open the workspace first");
    }
    boolean stillMember = users.find(opened.user().name()).filter(u -> !u.isDisabled()).isPresent()
        && workspaces.roleOf(opened.workspace().id(), opened.user().name())
            .filter(role -> role == opened.role()).isPresent();
    if (!stillMember || suspended(opened.workspace(), opened.user())) {
      throw new AccessDeniedException(opened.user().name() + " no longer has this access to workspace "
          + opened.workspace().name());
    }
  }

  /** The workspace, if the acting user is enabled and one of its members. */
  public Workspace member(SessionCredentials credentials) {
    return memberOf(credentials).workspace();
  }

  /** An enabled user, a workspace they are a member of and their role there, read once per request. */
  private record Member(User user, Workspace workspace, MemberRole role) {}

  private Member memberOf(SessionCredentials credentials) {
    User user = Transactions.read(() -> users.find(credentials.actor()))
        .orElseThrow(() -> new AccessDeniedException("unknown user " + credentials.actor()));
    if (user.isDisabled()) {
      throw new AccessDeniedException("user " + user.name() + " is disabled");
    }
    Workspace workspace = Transactions.read(() -> workspaces.find(credentials.workspace()))
        .orElseThrow(() -> new NotFoundException("no workspace named " + credentials.workspace()));
    MemberRole role = Transactions.read(() -> workspaces.roleOf(workspace.id(), user.name()))
        .orElseThrow(() -> new AccessDeniedException(user.name() + " is not a member of workspace "
            + workspace.name()));
    return new Member(user, workspace, role);
  }
}
