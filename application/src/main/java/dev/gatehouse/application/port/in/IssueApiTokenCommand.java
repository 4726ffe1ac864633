package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;

/** Issue an API token for a user (an administrator, or the user themselves). */
public record IssueApiTokenCommand(UserName actor, UserName owner) {
  public IssueApiTokenCommand {
    Require.notNull("actor", actor);
    Require.notNull("owner", owner);
  }
}
