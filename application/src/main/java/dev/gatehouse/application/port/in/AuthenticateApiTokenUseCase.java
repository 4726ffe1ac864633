package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.User;
import java.util.Optional;

/** Resolves an API token to its user; empty when the token is unknown. */
public interface AuthenticateApiTokenUseCase {
  Optional<User> authenticate(AuthenticateApiTokenQuery query);
}
