package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.SecretToken;

/** Find whose API token this is. */
public record AuthenticateApiTokenQuery(SecretToken token) {
  public AuthenticateApiTokenQuery {
    Require.notNull("token", token);
  }
}
