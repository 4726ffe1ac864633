package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import java.util.Optional;

/** Add a user; the very first user becomes an administrator whoever asks. */
public record AddUserCommand(UserName actor, UserName name, Role role, Optional<DuoUsername> duoUsername) {
  public AddUserCommand {
    Require.notNull("actor", actor);
    Require.notNull("name", name);
    Require.notNull("role", role);
    Require.notNull("duoUsername", duoUsername);
  }
}
