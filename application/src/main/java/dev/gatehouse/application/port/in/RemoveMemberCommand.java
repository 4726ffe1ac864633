package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Remove a user from a workspace (administrators). */
public record RemoveMemberCommand(UserName actor, WorkspaceName workspace, UserName member) {
  public RemoveMemberCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("member", member);
  }
}
