package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.SecretToken;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in with an API token, and out. The token travels only in the sign-in form's POST body;
 * the browser gets an opaque web session id in an {@code HttpOnly}, {@code SameSite=Strict}
 * cookie. The sign-in form itself is protected by a double-submit token (a cookie and a field).
 */
final class SignInPages {
  private static final String SIGN_IN_FIELD = "signin";

  private final Gatehouse gatehouse;
  private final WebSessions sessions;
  private final WebTokens tokens;

  SignInPages(Gatehouse gatehouse, WebSessions sessions, WebTokens tokens) {
    this.gatehouse = gatehouse;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  List<WebRoute> routes() {
    return List.of(
        WebRoute.open("GET", "/", request -> request.redirect("/workspaces")),
        WebRoute.open("GET", "/sign-in", this::form),
        WebRoute.open("POST", "/sign-in", this::signIn),
        WebRoute.post("/sign-out", this::signOut));
  }

  void form(WebRequest request) {
    showForm(request, 200, Optional.empty());
  }

  void signIn(WebRequest request) {
    String expected = request.ctx().cookie(WebConsole.SIGN_IN_COOKIE);
    if (!WebTokens.same(expected, request.form(SIGN_IN_FIELD))) {
      throw new WebCsrfException();
    }
    Optional<SecretToken> token = parse(request.rawForm("token").strip());
    Optional<ApiCaller> caller = token.flatMap(t ->
        gatehouse.authenticateApiToken().authenticate(new AuthenticateApiTokenQuery(t)));
    if (caller.isEmpty()) {
      showForm(request, 401, Optional.of("That API token is unknown, expired or revoked."));
      return;
    }
    Optional<WebSessions.Started> started = sessions.start(caller.get().user().name(), token.get());
    if (started.isEmpty()) {
      showForm(request, 503, Optional.of("This server holds as many console sign-ins as it may. Try again later."));
      return;
    }
    // A new id at every sign-in: an id planted before sign-in is worth nothing after it.
    sessions.end(request.ctx().cookie(WebConsole.SESSION_COOKIE));
    request.ctx().res().addHeader("Set-Cookie", cookie(WebConsole.SESSION_COOKIE, started.get().id(), "/", request, -1));
    request.ctx().res().addHeader("Set-Cookie", cookie(WebConsole.SIGN_IN_COOKIE, "", "/sign-in", request, 0));
    request.redirect("/workspaces");
  }

  void signOut(WebRequest request) {
    sessions.end(request.ctx().cookie(WebConsole.SESSION_COOKIE));
    request.ctx().res().addHeader("Set-Cookie", cookie(WebConsole.SESSION_COOKIE, "", "/", request, 0));
    request.redirect("/sign-in?notice=" + WebNotice.SIGNED_OUT.code());
  }

  private void showForm(WebRequest request, int status, Optional<String> error) {
    String guard = tokens.next();
    request.ctx().res().addHeader("Set-Cookie", cookie(WebConsole.SIGN_IN_COOKIE, guard, "/sign-in", request, 600));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", request.frame("Sign in"));
    params.put("guard", guard);
    params.put("error", error);
    request.render(status, "signIn.jte", params);
  }

  private static Optional<SecretToken> parse(String text) {
    try {
      return Optional.of(new SecretToken(text));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  /** A Set-Cookie value: HttpOnly, SameSite=Strict, Secure over TLS (or when configured), Max-Age when not a session cookie. */
  static String cookie(String name, String value, String path, WebRequest request, int maxAgeSeconds) {
    StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=").append(path)
        .append("; HttpOnly; SameSite=Strict");
    if (maxAgeSeconds >= 0) {
      header.append("; Max-Age=").append(maxAgeSeconds);
    }
    if (request.isHttps() || request.secureCookies()) {
      header.append("; Secure");
    }
    return header.toString();
  }
}
