package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.user.User;

/** A user as {@code user add|list|disable|enable --json} print it. */
record CliUser(String name, String role, String duoUsername, String createdAt, boolean disabled) {
  static CliUser from(User user) {
    return new CliUser(user.name().value(), CliWire.name(user.role()), user.duoUsername().value(),
        CliWire.instant(user.createdAt()), user.isDisabled());
  }
}
