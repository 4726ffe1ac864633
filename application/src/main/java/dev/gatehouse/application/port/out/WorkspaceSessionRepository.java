package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.util.Optional;

/** Stores workspace sessions by token hash. Methods throw {@link StorageException} when storage fails. */
public interface WorkspaceSessionRepository {
  void add(WorkspaceSession session);

  Optional<WorkspaceSession> find(TokenHash hash);

  /** The member's most recent session granted by a Duo approval, for the remember window. */
  Optional<WorkspaceSession> findLatestDuoApproved(WorkspaceId workspace, UserName user);
}
