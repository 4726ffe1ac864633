package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Add a user to a workspace (administrators). */
public record AddMemberCommand(UserName actor, WorkspaceName workspace, UserName member) {
  public AddMemberCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("member", member);
  }
}
