package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import java.util.Optional;

/** List API tokens: an administrator's of anyone (or of one owner), a user's own otherwise. */
public record ListApiTokensQuery(UserName actor, Optional<UserName> owner) {
  public ListApiTokensQuery {
    Require.notNull("actor", actor);
    Require.notNull("owner", owner);
  }
}
