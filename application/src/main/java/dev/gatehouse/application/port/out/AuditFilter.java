package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;

/** Which audit events to read: by workspace, by user (as actor or subject), at most {@code limit}. */
public record AuditFilter(Optional<WorkspaceName> workspace, Optional<UserName> user, int limit) {
  public static final int MAX_LIMIT = 1000;

  public AuditFilter {
    Require.notNull("workspace", workspace);
    Require.notNull("user", user);
    Require.inRange("limit", limit, 1, MAX_LIMIT);
  }
}
