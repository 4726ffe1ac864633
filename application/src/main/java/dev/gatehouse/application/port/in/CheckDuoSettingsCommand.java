package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.UserName;

/** Check Duo settings without saving them (administrators). */
public record CheckDuoSettingsCommand(UserName actor, DuoSettings settings) {
  public CheckDuoSettingsCommand {
    Require.notNull("actor", actor);
    Require.notNull("settings", settings);
  }
}
