package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.User;
import java.util.Set;

/** Who an accepted API token speaks for: its user, the token's id and its scopes. */
public record ApiCaller(User user, TokenId token, Set<TokenScope> scopes) {
  public ApiCaller {
    Require.notNull("user", user);
    Require.notNull("token", token);
    scopes = Set.copyOf(Require.notNull("scopes", scopes));
  }

  public boolean hasScope(TokenScope scope) {
    return scopes.contains(scope);
  }
}
