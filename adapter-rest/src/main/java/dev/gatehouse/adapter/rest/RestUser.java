package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.user.User;

/** A user as the API shows it, with whether they are disabled. */
record RestUser(String name, String role, String duoUsername, String createdAt, boolean disabled) {
  static RestUser from(User user) {
    return new RestUser(user.name().value(), RestWire.name(user.role()),
        user.duoUsername().value(), user.createdAt().toString(), user.isDisabled());
  }
}
