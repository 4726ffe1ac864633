package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.user.ApiToken;
import java.util.List;

/** An API token as {@code token list|revoke --json} print it: never its value or hash. */
record CliApiToken(String id, String user, List<String> scopes, String createdAt, String expiresAt,
    String lastUsedAt, String revokedAt) {
  static CliApiToken from(ApiToken token) {
    return new CliApiToken(token.id().value(), token.owner().value(), CliToken.scopeNames(token.scopes()),
        CliWire.instant(token.issuedAt()), token.expiresAt().map(CliWire::instant).orElse(null),
        token.lastUsedAt().map(CliWire::instant).orElse(null), token.revokedAt().map(CliWire::instant).orElse(null));
  }
}
