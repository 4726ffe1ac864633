package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** List the acting member's Duo devices for a workspace. */
public record ListDuoDevicesQuery(UserName actor, WorkspaceName workspace, ClientContext client) {
  public ListDuoDevicesQuery {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("client", client);
  }
}
