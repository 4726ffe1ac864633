package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.ListApiTokensQuery;
import dev.gatehouse.application.port.in.RevokeApiTokenCommand;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import java.util.Optional;

/** API tokens by id: list them (administrators anyone's, users their own) and revoke one. */
final class TokenResource {
  private final Gatehouse gatehouse;

  TokenResource(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
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
        gatehouse.listApiTokens().list(new ListApiTokensQuery(request.actor(), owner))));
  }

  /** Revokes at once (the token's next request is a 401); revoking twice answers the same. */
  RestReply revoke(RestRequest request) {
    TokenId id = RestFields.one("id", () -> new TokenId(request.path("id")));
    return RestReply.ok(RestApiToken.from(
        gatehouse.revokeApiToken().revoke(new RevokeApiTokenCommand(request.actor(), id))));
  }
}
