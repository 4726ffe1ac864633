package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Opens a workspace session: a fresh token, stored only as its hash, returned this once. */
final class SessionIssuer {
  private final WorkspaceSessionRepository sessions;
  private final SecureTokenSource tokens;
  private final AuditLog audit;
  private final Clock clock;

  SessionIssuer(WorkspaceSessionRepository sessions, SecureTokenSource tokens, AuditLog audit, Clock clock) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
  }

  /** Call inside a unit of work. */
  SessionGrant issue(Workspace workspace, UserName user, GrantKind kind, Duration lifetime) {
    Instant now = clock.instant();
    SecretToken token = tokens.newToken();
    WorkspaceSession session = WorkspaceSession.open(tokens.newSessionId(), tokens.hash(token),
        workspace.id(), user, kind, now, now.plus(lifetime));
    sessions.add(session);
    audit.append(AuditEvent.of(AuditEventType.ACCESS_GRANTED, now).actor(user)
        .workspace(workspace.name()).outcome(kind.name().toLowerCase(Locale.ROOT))
        .detail("session " + session.id()).build());
    return new SessionGrant(session.id(), workspace.name(), token, kind, session.expiresAt());
  }
}
