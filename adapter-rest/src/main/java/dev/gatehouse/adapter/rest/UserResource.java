package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.AddUserUseCase;
import dev.gatehouse.application.port.in.DisableUserUseCase;
import dev.gatehouse.application.port.in.EnableUserUseCase;
import dev.gatehouse.application.port.in.IssueApiTokenUseCase;
import dev.gatehouse.application.port.in.ListUsersUseCase;
import dev.gatehouse.application.port.in.ChangeUserStatusCommand;
import dev.gatehouse.application.port.in.ListUsersQuery;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.util.List;

/**
 * Users and issuing their tokens. Every route needs a token: the very first administrator and
 * their first token are made with the command line ({@code gatehouse user add},
 * {@code gatehouse token issue}), so no unauthenticated window exists.
 */
final class UserResource {
  private final AddUserUseCase addUser;
  private final ListUsersUseCase listUsers;
  private final IssueApiTokenUseCase issueApiToken;
  private final DisableUserUseCase disableUser;
  private final EnableUserUseCase enableUser;

  UserResource(AddUserUseCase addUser, ListUsersUseCase listUsers, IssueApiTokenUseCase issueApiToken,
      DisableUserUseCase disableUser, EnableUserUseCase enableUser) {
    this.addUser = addUser;
    this.listUsers = listUsers;
    this.issueApiToken = issueApiToken;
    this.disableUser = disableUser;
    this.enableUser = enableUser;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("POST", "/api/v1/users", RestAccess.BEARER, this::addUser).withBody(RestGuard.ADMINISTRATOR),
        RestRoute.sync("GET", "/api/v1/users", RestAccess.BEARER, this::list),
        RestRoute.sync("POST", "/api/v1/users/{name}/tokens", RestAccess.BEARER, this::issueToken)
            .withBody(UserResource::mayIssueTokensFor),
        RestRoute.sync("POST", "/api/v1/users/{name}/disable", RestAccess.BEARER, this::disable),
        RestRoute.sync("POST", "/api/v1/users/{name}/enable", RestAccess.BEARER, this::enable));
  }

  RestReply addUser(RestRequest request) {
    RestAddUserRequest body = request.body(RestAddUserRequest.class);
    var user = addUser.add(body.toCommand(request.actor()));
    return RestReply.of(201, RestUser.from(user));
  }

  RestReply list(RestRequest request) {
    return RestReply.ok(RestUserList.from(listUsers.list(new ListUsersQuery(request.actor()))));
  }

  /** The body is optional: without one the token never expires and has no extra scopes. */
  RestReply issueToken(RestRequest request) {
    UserName owner = user(request);
    RestIssueTokenRequest body = request.optionalBody(RestIssueTokenRequest.class).orElse(RestIssueTokenRequest.NONE);
    return RestReply.of(201, RestIssuedToken.from(
        issueApiToken.issue(body.toCommand(request.actor(), owner))));
  }

  /** Revokes the user's tokens and sessions at once; the audit trail keeps them. */
  RestReply disable(RestRequest request) {
    return RestReply.ok(RestUser.from(
        disableUser.disable(new ChangeUserStatusCommand(request.actor(), user(request)))));
  }

  RestReply enable(RestRequest request) {
    return RestReply.ok(RestUser.from(
        enableUser.enable(new ChangeUserStatusCommand(request.actor(), user(request)))));
  }

  /** Administrators issue tokens for anyone, users for themselves (the use case checks the rest). */
  private static void mayIssueTokensFor(RestRequest request) {
    User caller = request.caller().user();
    if (!caller.isAdministrator() && !caller.name().equals(user(request))) {
      throw new AccessDeniedException(caller.name() + " may issue tokens only for themselves");
    }
  }

  private static UserName user(RestRequest request) {
    return RestFields.one("name", () -> new UserName(request.path("name")));
  }
}
