package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;

/** An opened workspace: the session token (returned this once), how it was granted and until when. */
public record SessionGrant(WorkspaceName workspace, SecretToken token, GrantKind kind, Instant expiresAt) {
  public SessionGrant {
    Require.notNull("workspace", workspace);
    Require.notNull("token", token);
    Require.notNull("kind", kind);
    Require.notNull("expiresAt", expiresAt);
  }
}
