package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Create a workspace (administrators). */
public record CreateWorkspaceCommand(UserName actor, WorkspaceName name, WorkspaceDescription description) {
  public CreateWorkspaceCommand {
    Require.notNull("actor", actor);
    Require.notNull("name", name);
    Require.notNull("description", description);
  }
}
