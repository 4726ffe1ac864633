package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.UserName;

/** Revoke an API token (an administrator, or its owner). */
public record RevokeApiTokenCommand(UserName actor, TokenId token) {
  public RevokeApiTokenCommand {
    Require.notNull("actor", actor);
    Require.notNull("token", token);
  }
}
