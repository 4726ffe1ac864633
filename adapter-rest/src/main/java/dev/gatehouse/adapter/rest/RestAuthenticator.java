package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.application.port.in.AuthenticateApiTokenUseCase;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.SecretToken;
import io.javalin.http.Context;
import java.util.Locale;

/** Resolves {@code Authorization: Bearer <token>} to the caller (user, token id, scopes), or refuses with 401. */
final class RestAuthenticator {
  private static final String SCHEME = "bearer ";

  private final AuthenticateApiTokenUseCase authenticate;

  RestAuthenticator(AuthenticateApiTokenUseCase authenticate) {
    this.authenticate = authenticate;
  }

  void authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw RestUnauthorizedException.missing();
    }
    if (header.length() <= SCHEME.length()
        || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw RestUnauthorizedException.invalid();
    }
    SecretToken token;
    try {
      token = new SecretToken(header.substring(SCHEME.length()).strip());
    } catch (InvalidValueException e) {
      throw RestUnauthorizedException.invalid();
    }
    ApiCaller caller = authenticate.authenticate(new AuthenticateApiTokenQuery(token))
        .orElseThrow(RestUnauthorizedException::invalid);
    ctx.attribute(RestRequest.CALLER, caller);
  }
}
