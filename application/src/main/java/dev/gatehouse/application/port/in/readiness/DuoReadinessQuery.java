package dev.gatehouse.application.port.in.readiness;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;

/**
 * Ask Duo, for every member of a workspace, what would happen at the next open (administrators):
 * with the saved settings, or with {@code settings} not yet saved.
 */
public record DuoReadinessQuery(UserName actor, WorkspaceName workspace, Optional<DuoSettings> settings) {
  public DuoReadinessQuery {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("settings", settings);
  }
}
