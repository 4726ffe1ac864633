package dev.gatehouse.domain.session;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Instant;

/** An opened workspace: whose, how it was granted and until when; its token is kept only as a hash. */
public record WorkspaceSession(TokenHash tokenHash, WorkspaceId workspace, UserName user,
    GrantKind grantKind, Instant createdAt, Instant expiresAt) {

  public WorkspaceSession {
    Require.notNull("tokenHash", tokenHash);
    Require.notNull("workspace", workspace);
    Require.notNull("user", user);
    Require.notNull("grantKind", grantKind);
    Require.notNull("createdAt", createdAt);
    Require.notNull("expiresAt", expiresAt);
    if (!expiresAt.isAfter(createdAt)) {
      throw new InvalidValueException("expiresAt", "must be after createdAt");
    }
  }

  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
