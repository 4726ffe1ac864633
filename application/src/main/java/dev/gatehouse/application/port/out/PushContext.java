package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** What the member sees on their phone: the action, the workspace, who and from where. */
public record PushContext(String action, WorkspaceName workspace, UserName displayUsername,
    ClientContext client) {
  public PushContext {
    Require.notBlank("action", action);
    Require.notNull("workspace", workspace);
    Require.notNull("displayUsername", displayUsername);
    Require.notNull("client", client);
  }
}
