package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;

/**
 * An opened workspace: the session's public id, its token (returned this once), how it was
 * granted and until when.
 */
public record SessionGrant(SessionId id, WorkspaceName workspace, SecretToken token, GrantKind kind,
    Instant expiresAt) {
  public SessionGrant {
    Require.notNull("id", id);
    Require.notNull("workspace", workspace);
    Require.notNull("token", token);
    Require.notNull("kind", kind);
    Require.notNull("expiresAt", expiresAt);
  }
}
