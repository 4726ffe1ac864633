package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;

/** List every user (administrators). */
public record ListUsersQuery(UserName actor) {
  public ListUsersQuery {
    Require.notNull("actor", actor);
  }
}
