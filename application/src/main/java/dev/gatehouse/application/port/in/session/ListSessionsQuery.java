package dev.gatehouse.application.port.in.session;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** List a workspace's live sessions (administrators). */
public record ListSessionsQuery(UserName actor, WorkspaceName workspace) {
  public ListSessionsQuery {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
  }
}
