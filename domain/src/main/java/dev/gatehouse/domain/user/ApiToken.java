package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.Require;
import java.time.Instant;

/** A stored API token: whose it is and the hash of its value. */
public record ApiToken(TokenHash hash, UserName owner, Instant issuedAt) {
  public ApiToken {
    Require.notNull("hash", hash);
    Require.notNull("owner", owner);
    Require.notNull("issuedAt", issuedAt);
  }
}
