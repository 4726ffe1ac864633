package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;

/** Read the audit trail (administrators), optionally for one workspace or user, at most {@code limit} events (1–1000). */
public record ListAuditEventsQuery(UserName actor, Optional<WorkspaceName> workspace,
    Optional<UserName> user, int limit) {
  public static final int DEFAULT_LIMIT = 50;

  public ListAuditEventsQuery {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("user", user);
    Require.inRange("limit", limit, 1, 1000);
  }
}
