package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Remove a workspace's second factor (administrators). */
public record DisableMfaCommand(UserName actor, WorkspaceName workspace) {
  public DisableMfaCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
  }
}
