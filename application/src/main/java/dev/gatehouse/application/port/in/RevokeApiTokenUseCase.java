package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.ApiToken;

/** Revokes an API token at once on every node; revoking twice changes nothing. Throws {@link NotFoundException} for an unknown id. */
public interface RevokeApiTokenUseCase {
  ApiToken revoke(RevokeApiTokenCommand command);
}
