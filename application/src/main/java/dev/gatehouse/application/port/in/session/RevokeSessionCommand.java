package dev.gatehouse.application.port.in.session;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Revoke one session of a workspace (administrators). */
public record RevokeSessionCommand(UserName actor, WorkspaceName workspace, SessionId session) {
  public RevokeSessionCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("session", session);
  }
}
