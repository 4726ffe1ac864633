package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.session.IntrospectSessionQuery;
import dev.gatehouse.application.port.in.session.IntrospectSessionUseCase;
import dev.gatehouse.application.port.in.session.Introspection;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.util.Optional;

/**
 * Answers gateways whether a workspace session token is live: live means what the entry
 * operations accept (not expired or revoked, user enabled, still a member, not suspended). Any
 * other token answers inactive, the same way whatever the reason.
 */
public final class IntrospectSessionService implements IntrospectSessionUseCase {
  private final UserRepository users;
  private final WorkspaceRepository workspaces;
  private final WorkspaceSessionRepository sessions;
  private final AccessGuardRepository guards;
  private final SecureTokenSource tokens;
  private final Clock clock;

  public IntrospectSessionService(UserRepository users, WorkspaceRepository workspaces,
      WorkspaceSessionRepository sessions, AccessGuardRepository guards, SecureTokenSource tokens,
      Clock clock) {
    this.users = users;
    this.workspaces = workspaces;
    this.sessions = sessions;
    this.guards = guards;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Introspection introspect(IntrospectSessionQuery query) {
    if (!query.caller().user().isAdministrator() && !query.caller().hasScope(TokenScope.INTROSPECT)) {
      throw new AccessDeniedException("introspection needs an administrator's token or a token with scope introspect");
    }
    return Transactions.read(() -> {
      Optional<WorkspaceSession> session = sessions.find(tokens.hash(query.token()))
          .filter(s -> s.isLiveAt(clock.instant()));
      if (session.isEmpty()) {
        return Introspection.INACTIVE;
      }
      WorkspaceSession live = session.get();
      boolean userEnabled = users.find(live.user()).filter(u -> !u.isDisabled()).isPresent();
      Optional<Workspace> workspace = workspaces.find(live.workspace()).filter(w -> w.isMember(live.user()));
      boolean suspended = guards.find(live.workspace(), live.user()).filter(AccessGuard::isSuspended).isPresent();
      if (!userEnabled || workspace.isEmpty() || suspended) {
        return Introspection.INACTIVE;
      }
      return new Introspection(Optional.of(SessionSummaries.of(live, workspace.get().name())));
    });
  }
}
