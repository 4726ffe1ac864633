package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.util.Optional;

/** Stores cooldowns, suspensions and passcode lockouts. Methods throw {@link StorageException} when storage fails. */
public interface AccessGuardRepository {
  void save(AccessGuard guard);

  Optional<AccessGuard> find(WorkspaceId workspace, UserName user);
}
