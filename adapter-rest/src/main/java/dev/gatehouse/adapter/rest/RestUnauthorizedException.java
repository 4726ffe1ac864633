package dev.gatehouse.adapter.rest;

/** No bearer token, or one Gatehouse does not know: a 401 problem with {@code WWW-Authenticate}. */
final class RestUnauthorizedException extends RuntimeException {
  private final boolean tokenPresented;

  private RestUnauthorizedException(String message, boolean tokenPresented) {
    super(message);
    this.tokenPresented = tokenPresented;
  }

  static RestUnauthorizedException missing() {
    return new RestUnauthorizedException("an API token is required: Authorization: Bearer <token>", false);
  }

  static RestUnauthorizedException invalid() {
    return new RestUnauthorizedException("the API token is not valid", true);
  }

  /** The {@code WWW-Authenticate} challenge of RFC 6750. */
  String challenge() {
    return tokenPresented ? "Bearer realm=\"gatehouse\", error=\"invalid_token\"" : "Bearer realm=\"gatehouse\"";
  }
}
