package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.application.port.in.AuthenticateApiTokenUseCase;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.User;
import java.util.Optional;

/** Resolves a presented API token to its user by the token's hash. */
public final class AuthenticateApiTokenService implements AuthenticateApiTokenUseCase {
  private final UserRepository users;
  private final ApiTokenRepository apiTokens;
  private final SecureTokenSource tokens;

  public AuthenticateApiTokenService(UserRepository users, ApiTokenRepository apiTokens,
      SecureTokenSource tokens) {
    this.users = users;
    this.apiTokens = apiTokens;
    this.tokens = tokens;
  }

  @Override
  public Optional<User> authenticate(AuthenticateApiTokenQuery query) {
    return Transactions.read(() -> apiTokens.find(tokens.hash(query.token()))
        .flatMap(token -> users.find(token.owner())));
  }
}
