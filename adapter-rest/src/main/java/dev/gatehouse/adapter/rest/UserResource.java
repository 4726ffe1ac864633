package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.domain.user.UserName;
import java.util.List;

/**
 * {@code POST /api/v1/users} and {@code POST /api/v1/users/{name}/tokens}. Both need a token: the
 * very first administrator and their first token are made with the command line
 * ({@code gatehouse user add}, {@code gatehouse token issue}), so no unauthenticated window exists.
 */
final class UserResource {
  private final Gatehouse gatehouse;

  UserResource(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("POST", "/api/v1/users", RestAccess.BEARER, this::addUser).withBody(),
        RestRoute.sync("POST", "/api/v1/users/{name}/tokens", RestAccess.BEARER, this::issueToken));
  }

  RestReply addUser(RestRequest request) {
    RestAddUserRequest body = request.body(RestAddUserRequest.class);
    var user = gatehouse.addUser().add(body.toCommand(request.actor()));
    return RestReply.of(201, RestUser.from(user));
  }

  RestReply issueToken(RestRequest request) {
    UserName owner = RestFields.one("name", () -> new UserName(request.path("name")));
    return RestReply.of(201, RestIssuedToken.from(
        gatehouse.issueApiToken().issue(new IssueApiTokenCommand(request.actor(), owner))));
  }
}
