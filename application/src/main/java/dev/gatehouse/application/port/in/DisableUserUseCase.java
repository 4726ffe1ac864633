package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.User;

/** Disables a user: every token and session of theirs is revoked at once; the audit trail keeps them. */
public interface DisableUserUseCase {
  User disable(ChangeUserStatusCommand command);
}
