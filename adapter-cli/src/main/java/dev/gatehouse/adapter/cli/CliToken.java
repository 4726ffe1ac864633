package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.IssuedApiToken;
import dev.gatehouse.domain.user.TokenScope;
import java.util.List;
import java.util.Set;

/** {@code token issue --json}: the token (shown this once) with its id, owner, scopes and times. */
record CliToken(String id, String token, String user, List<String> scopes, String createdAt, String expiresAt) {
  static CliToken from(IssuedApiToken issued) {
    return new CliToken(issued.id().value(), issued.token().reveal(), issued.owner().value(),
        scopeNames(issued.scopes()), CliWire.instant(issued.issuedAt()),
        issued.expiresAt().map(CliWire::instant).orElse(null));
  }

  static List<String> scopeNames(Set<TokenScope> scopes) {
    return scopes.stream().map(TokenScope::wireName).sorted().toList();
  }

  static String scopes(Set<TokenScope> scopes) {
    return String.join(", ", scopeNames(scopes));
  }
}
