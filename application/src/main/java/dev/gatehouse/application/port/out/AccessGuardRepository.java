package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.util.Optional;

/** Stores cooldowns, suspensions and passcode lockouts. Methods throw {@link StorageException} when storage fails. */
public interface AccessGuardRepository {
  void save(AccessGuard guard);

  /**
   * The member's guard. Inside a unit of work it stays locked until the unit ends (even when there
   * is none yet), so that read-modify-write from two requests or nodes never loses an update.
   */
  Optional<AccessGuard> find(WorkspaceId workspace, UserName user);
}
