package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.ListApiTokensQuery;
import dev.gatehouse.application.port.in.ListApiTokensUseCase;
import dev.gatehouse.application.port.in.RevokeApiTokenCommand;
import dev.gatehouse.application.port.in.RevokeApiTokenUseCase;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import java.util.Optional;

/** API tokens by id: list them (administrators anyone's, users their own) and revoke one. */
final class TokenResource {
  private final ListApiTokensUseCase listApiTokens;
  private final RevokeApiTokenUseCase revokeApiToken;

  TokenResource(ListApiTokensUseCase listApiTokens, RevokeApiTokenUseCase revokeApiToken) {
    this.listApiTokens = listApiTokens;
    this.revokeApiToken = revokeApiToken;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("GET", "/api/v1/tokens", RestAccess.BEARER, this::list),
        RestRoute.sync("DELETE", "/api/v1/tokens/{id}", RestAccess.BEARER, this::revoke));
  }

  /** {@code ?user=NAME} narrows an administrator's list to one owner. */
  RestReply list(RestRequest request) {
    Optional<UserName> owner = request.query("user").map(text -> RestFields.one("user", () -> new UserName(text)));
    return RestReply.ok(RestApiTokenList.from(
        listApiTokens.list(new ListApiTokensQuery(request.actor(), owner))));
  }

  /** Revokes at once (the token's next request is a 401); revoking twice answers the same. */
  RestReply revoke(RestRequest request) {
    TokenId id = RestFields.one("id", () -> new TokenId(request.path("id")));
    return RestReply.ok(RestApiToken.from(
        revokeApiToken.revoke(new RevokeApiTokenCommand(request.actor(), id))));
  }
}
