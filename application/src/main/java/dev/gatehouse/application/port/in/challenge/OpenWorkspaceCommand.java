package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Open (unlock) a workspace, asking Duo where the workspace requires it. */
public record OpenWorkspaceCommand(UserName actor, WorkspaceName workspace, ClientContext client) {
  public OpenWorkspaceCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("client", client);
  }
}
