package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Check Duo settings, then save them as a workspace's MFA policy (administrators). */
public record ConfigureDuoCommand(UserName actor, WorkspaceName workspace, DuoSettings settings, Failmode failmode, MfaOptions options) {
  public ConfigureDuoCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("settings", settings);
    Require.notNull("failmode", failmode);
    Require.notNull("options", options);
  }
}
