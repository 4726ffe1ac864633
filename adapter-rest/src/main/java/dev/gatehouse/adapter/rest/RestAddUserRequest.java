package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import java.util.Locale;
import java.util.Optional;

/** {@code POST /api/v1/users}: name, role ({@code administrator} or {@code member}, default member), Duo username. */
record RestAddUserRequest(String name, String role, String duoUsername) {
  AddUserCommand toCommand(UserName actor) {
    RestFields fields = new RestFields();
    UserName user = fields.parse("name", () -> new UserName(name));
    Role parsedRole = fields.parse("role", () -> role(role));
    Optional<DuoUsername> duo = fields.parse("duoUsername",
        () -> duoUsername == null ? Optional.empty() : Optional.of(new DuoUsername(duoUsername)));
    fields.check();
    return new AddUserCommand(actor, user, parsedRole, duo);
  }

  private static Role role(String text) {
    if (text == null) {
      return Role.MEMBER;
    }
    for (Role candidate : Role.values()) {
      if (RestWire.name(candidate).equals(text.strip().toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
    throw new InvalidValueException("role", "must be administrator or member");
  }
}
