package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.UserName;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A new API token, shown this once, with its id (for listing and revoking), expiry and scopes. */
public record IssuedApiToken(TokenId id, UserName owner, SecretToken token, Instant issuedAt,
    Optional<Instant> expiresAt, Set<TokenScope> scopes) {}
