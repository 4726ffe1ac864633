package dev.gatehouse.application.contract;

import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;

/**
 * Base of the storage port contracts: an implementation supplies fresh, empty ports for each
 * test ({@link #ports()}); the contracts run the same behaviour against the in-memory fakes and
 * against the real database.
 */
public interface StorageContract {
  GatehousePorts ports();

  default User givenUser(String name) {
    User user = StorageFixtures.aUser(name);
    ports().users().add(user);
    return user;
  }

  default Workspace givenWorkspace(String name, User... members) {
    Workspace workspace = StorageFixtures.aWorkspace(name);
    for (User member : members) {
      workspace = workspace.withMember(member.name());
    }
    ports().workspaces().add(workspace);
    return workspace;
  }
}
