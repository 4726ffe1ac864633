package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.User;

/** Adds users. */
public interface AddUserUseCase {
  User add(AddUserCommand command);
}
