package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Read one workspace (administrators and its members). */
public record GetWorkspaceQuery(UserName actor, WorkspaceName name) {
  public GetWorkspaceQuery {
    Require.notNull("actor", actor);
    Require.notNull("name", name);
  }
}
