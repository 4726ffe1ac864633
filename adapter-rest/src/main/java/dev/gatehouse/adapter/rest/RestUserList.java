package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.user.User;
import java.util.List;

/** Every user, by name. */
record RestUserList(List<RestUser> users) {
  static RestUserList from(List<User> users) {
    return new RestUserList(users.stream().map(RestUser::from).toList());
  }
}
