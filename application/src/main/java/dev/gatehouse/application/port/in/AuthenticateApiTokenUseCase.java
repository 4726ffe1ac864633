package dev.gatehouse.application.port.in;

import java.util.Optional;

/**
 * Resolves an API token to its caller; empty when the token is unknown, expired or revoked, or
 * its user is disabled — all alike.
 */
public interface AuthenticateApiTokenUseCase {
  Optional<ApiCaller> authenticate(AuthenticateApiTokenQuery query);
}
