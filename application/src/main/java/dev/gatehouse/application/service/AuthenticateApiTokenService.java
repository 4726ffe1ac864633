package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.application.port.in.AuthenticateApiTokenUseCase;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.ApiTokenRepository.OwnedToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves a presented API token to its caller by the token's hash: only an active token of an
 * enabled user is accepted. Its last use is recorded at most once a minute, not on every request.
 */
public final class AuthenticateApiTokenService implements AuthenticateApiTokenUseCase {
  private final ApiTokenRepository apiTokens;
  private final SecureTokenSource tokens;
  private final Clock clock;

  public AuthenticateApiTokenService(ApiTokenRepository apiTokens, SecureTokenSource tokens, Clock clock) {
    this.apiTokens = apiTokens;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Optional<ApiCaller> authenticate(AuthenticateApiTokenQuery query) {
    Instant now = clock.instant();
    return Transactions.read(() -> {
      Optional<OwnedToken> found = apiTokens.find(tokens.hash(query.token()))
          .filter(t -> t.token().isActiveAt(now) && !t.owner().isDisabled());
      found.ifPresent(t -> {
        if (t.token().lastUseIsStaleAt(now)) {
          apiTokens.touch(t.token().id(), now);
        }
      });
      return found.map(t -> new ApiCaller(t.owner(), t.token().id(), t.token().scopes()));
    });
  }
}
