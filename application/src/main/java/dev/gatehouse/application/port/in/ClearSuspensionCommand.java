package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Lift a fraud suspension of a member of a workspace (administrators). */
public record ClearSuspensionCommand(UserName actor, WorkspaceName workspace, UserName member) {
  public ClearSuspensionCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("member", member);
  }
}
