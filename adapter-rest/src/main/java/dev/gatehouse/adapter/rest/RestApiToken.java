package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An API token as listed: id, owner, scopes and times; never its value. */
record RestApiToken(String id, String user, List<String> scopes, String createdAt, String expiresAt,
    String lastUsedAt, String revokedAt) {
  static RestApiToken from(ApiToken token) {
    return new RestApiToken(token.id().value(), token.owner().value(),
        token.scopes().stream().map(TokenScope::wireName).sorted().toList(), token.issuedAt().toString(),
        text(token.expiresAt()), text(token.lastUsedAt()), text(token.revokedAt()));
  }

  private static String text(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}
