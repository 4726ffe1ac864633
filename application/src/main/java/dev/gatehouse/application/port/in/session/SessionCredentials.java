package dev.gatehouse.application.port.in.session;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Who acts, in which workspace, with which workspace session token: what every entry operation presents. */
public record SessionCredentials(UserName actor, WorkspaceName workspace, SecretToken session) {
  public SessionCredentials {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("session", session);
  }
}
