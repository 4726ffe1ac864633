package dev.gatehouse.application.port.in.session;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;

/** A workspace session as shown to people: id, whose, where, how granted, since and until when; never its token. */
public record SessionSummary(SessionId id, UserName user, WorkspaceName workspace, GrantKind kind,
    Instant createdAt, Instant expiresAt) {
  public SessionSummary {
    Require.notNull("id", id);
    Require.notNull("user", user);
    Require.notNull("workspace", workspace);
    Require.notNull("kind", kind);
    Require.notNull("createdAt", createdAt);
    Require.notNull("expiresAt", expiresAt);
  }
}
