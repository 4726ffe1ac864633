package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;

/** List the workspaces the actor may see (all for administrators, their own for members). */
public record ListWorkspacesQuery(UserName actor) {
  public ListWorkspacesQuery {
    Require.notNull("actor", actor);
  }
}
