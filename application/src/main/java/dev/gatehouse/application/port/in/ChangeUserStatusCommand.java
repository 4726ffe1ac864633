package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;

/** Disable or enable a user (administrators; never themselves). */
public record ChangeUserStatusCommand(UserName actor, UserName user) {
  public ChangeUserStatusCommand {
    Require.notNull("actor", actor);
    Require.notNull("user", user);
  }
}
