package dev.gatehouse.application.service.common;

import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Ends live workspace sessions at once when access changes (member removed, suspended, MFA
 * changed, user disabled), audited with the reason. Call inside the unit of work of the change.
 */
public final class SessionRevocation {
  private final WorkspaceSessionRepository sessions;
  private final AuditLog audit;
  private final Clock clock;

  public SessionRevocation(WorkspaceSessionRepository sessions, AuditLog audit, Clock clock) {
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Revokes the workspace's live sessions, of one member only when given. */
  public void revoke(Workspace workspace, Optional<UserName> member, Optional<UserName> actor, String why) {
    Instant now = clock.instant();
    int revoked = sessions.revokeAll(workspace.id(), member, now);
    if (revoked > 0) {
      AuditEvent.Builder event = AuditEvent.of(AuditEventType.SESSION_REVOKED, now).workspace(workspace.name())
          .outcome("revoked").detail(revoked + " session(s): " + why);
      actor.ifPresent(event::actor);
      member.ifPresent(event::subject);
      audit.append(event.build());
    }
  }

  /** Revokes every live session of the user, in every workspace. */
  public void revokeAllOf(UserName user, UserName actor, String why) {
    Instant now = clock.instant();
    int revoked = sessions.revokeAllOf(user, now);
    if (revoked > 0) {
      audit.append(AuditEvent.of(AuditEventType.SESSION_REVOKED, now).actor(actor).subject(user)
          .outcome("revoked").detail(revoked + " session(s): " + why).build());
    }
  }
}
