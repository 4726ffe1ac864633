package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.User;

/** Enables a disabled user again; their revoked tokens and sessions stay revoked. */
public interface EnableUserUseCase {
  User enable(ChangeUserStatusCommand command);
}
