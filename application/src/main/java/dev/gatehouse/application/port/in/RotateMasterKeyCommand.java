package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;

/** Replace the master key that wraps the stored data keys (administrators). */
public record RotateMasterKeyCommand(UserName actor) {
  public RotateMasterKeyCommand {
    Require.notNull("actor", actor);
  }
}
