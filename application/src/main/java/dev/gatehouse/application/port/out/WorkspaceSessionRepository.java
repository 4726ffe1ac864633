package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores workspace sessions: found by token hash or public id, revoked in place (never deleted
 * early, so the audit trail's session ids stay meaningful). Methods throw {@link StorageException}
 * when storage fails.
 */
public interface WorkspaceSessionRepository {
  void add(WorkspaceSession session);

  /** The session whose token has this hash (compared in constant time), revoked or not. */
  Optional<WorkspaceSession> find(TokenHash hash);

  Optional<WorkspaceSession> find(SessionId id);

  /**
   * The member's most recent session granted by a Duo approval and neither closed nor revoked, for
   * the remember window: a revocation (or a close) always means Duo is asked again.
   */
  Optional<WorkspaceSession> findLatestDuoApproved(WorkspaceId workspace, UserName user);

  /** The user's most recent session granted by a Duo approval in any workspace, neither closed nor revoked. */
  Optional<WorkspaceSession> findLatestDuoApprovedOf(UserName user);

  /** The workspace's sessions live at the given time, newest first. */
  List<WorkspaceSession> listLive(WorkspaceId workspace, Instant now);

  /** Revokes one session if it is still live; returns whether it was. */
  boolean revoke(SessionId id, Instant at);

  /** Revokes every live session of the workspace (of one member only, when given); returns how many. */
  int revokeAll(WorkspaceId workspace, Optional<UserName> user, Instant at);

  /** Revokes every live session of the user in every workspace; returns how many. */
  int revokeAllOf(UserName user, Instant at);
}
