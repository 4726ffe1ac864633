package dev.gatehouse.domain.session;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * An opened workspace: its public id, whose, how it was granted, until when, and whether it was
 * closed or revoked early; its token is kept only as a hash.
 */
public record WorkspaceSession(SessionId id, TokenHash tokenHash, WorkspaceId workspace, UserName user,
    GrantKind grantKind, Instant createdAt, Instant expiresAt, Optional<Instant> revokedAt) {

  public WorkspaceSession {
    Require.notNull("id", id);
    Require.notNull("tokenHash", tokenHash);
    Require.notNull("workspace", workspace);
    Require.notNull("user", user);
    Require.notNull("grantKind", grantKind);
    Require.notNull("createdAt", createdAt);
    Require.notNull("expiresAt", expiresAt);
    Require.notNull("revokedAt", revokedAt);
    if (!expiresAt.isAfter(createdAt)) {
      throw new InvalidValueException("expiresAt", "must be after createdAt");
    }
  }

  /** A session just opened, not revoked. */
  public static WorkspaceSession open(SessionId id, TokenHash tokenHash, WorkspaceId workspace,
      UserName user, GrantKind grantKind, Instant createdAt, Instant expiresAt) {
    return new WorkspaceSession(id, tokenHash, workspace, user, grantKind, createdAt, expiresAt, Optional.empty());
  }

  /** Not expired at the given time (revocation aside): kept for the remember window. */
  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  /** Neither expired nor closed or revoked: the session still opens its workspace. */
  public boolean isLiveAt(Instant now) {
    return revokedAt.isEmpty() && isValidAt(now);
  }

  public boolean isRevoked() {
    return revokedAt.isPresent();
  }
}
