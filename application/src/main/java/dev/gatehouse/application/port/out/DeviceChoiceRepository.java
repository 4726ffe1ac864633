package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.util.Optional;

/** Stores members' device choices. Methods throw {@link StorageException} when storage fails. */
public interface DeviceChoiceRepository {
  /** Stores or replaces the choice of its member for its workspace. */
  void save(DeviceChoice choice);

  Optional<DeviceChoice> find(WorkspaceId workspace, UserName user);
}
