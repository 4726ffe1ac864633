package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.common.Require;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gatehouse's web console: server-rendered pages (precompiled JTE templates) with htmx for live
 * updates, under {@code /} beside the REST API's {@code /api/v1}. It adds its routes to a Javalin
 * configuration with {@link #install(JavalinConfig)}; every handler answers its own failures, so
 * the host's exception handlers never see them.
 */
public final class WebConsole {
  static final String SESSION_COOKIE = "gatehouse_console";
  static final String SIGN_IN_COOKIE = "gatehouse_signin";
  private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);

  private final Gatehouse gatehouse;
  private final WebConfig config;
  private final Clock clock;
  private final WebTokens tokens = new WebTokens(new SecureRandom());
  private final WebSessions sessions;
  private final WebTemplates templates = new WebTemplates();
  private final WebErrors errors;
  private final List<WebRoute> routes;

  WebConsole(Gatehouse gatehouse, WebConfig config, Clock clock) {
    this.gatehouse = Require.notNull("gatehouse", gatehouse);
    this.config = Require.notNull("config", config);
    this.clock = Require.notNull("clock", clock);
    this.sessions = new WebSessions(tokens, clock, config.idleTimeout(), config.maxSessions(), this::closeOpenWorkspaces);
    this.errors = new WebErrors(templates);
    WebChallenges challenges = new WebChallenges(gatehouse);
    this.routes = List.copyOf(concat(
        new WebAssets().routes(),
        new SignInPages(gatehouse, sessions, tokens).routes(),
        new WorkspacePages(gatehouse, challenges).routes(),
        new SecurityPages(gatehouse).routes(),
        new ReadinessPages(gatehouse).routes(),
        new DuoDevicePages(gatehouse, challenges).routes(),
        new ChallengePages(gatehouse, challenges, errors).routes(),
        new EntryPages(gatehouse).routes(),
        new AdminPages(gatehouse).routes()));
  }

  /** Adds the console's routes to the configuration of the server that serves it. */
  public void install(JavalinConfig cfg) {
    for (WebRoute route : routes) {
      if (route.method().equals("POST")) {
        cfg.routes.post(route.path(), ctx -> handle(ctx, route));
      } else {
        cfg.routes.get(route.path(), ctx -> handle(ctx, route));
      }
    }
  }

  /** The web sessions this node holds (for tests). */
  int liveSessions() {
    return sessions.size();
  }

  List<WebRoute> routes() {
    return routes;
  }

  void handle(Context ctx, WebRoute route) {
    WebHeaders.apply(ctx);
    WebRequest request = new WebRequest(ctx, templates, clock, config.alwaysSecureCookies());
    try {
      if (route.access() == WebRoute.Access.SIGNED_IN && !signIn(request)) {
        return;
      }
      if (route.method().equals("POST") && route.access() == WebRoute.Access.SIGNED_IN
          && !request.session().acceptsCsrf(ctx.formParam(WebRequest.CSRF_FIELD))) {
        throw new WebCsrfException();
      }
      route.handler().handle(request);
    } catch (RuntimeException e) {
      errors.render(request, e);
    }
  }

  /** Resolves the cookie to a live web session whose API token still works; else sends the browser to sign in. */
  private boolean signIn(WebRequest request) {
    Optional<WebSession> session = sessions.find(request.ctx().cookie(SESSION_COOKIE));
    Optional<ApiCaller> caller = session.flatMap(s ->
        gatehouse.authenticateApiToken().authenticate(new AuthenticateApiTokenQuery(s.apiToken())));
    if (session.isPresent() && caller.isEmpty()) {
      // The token was revoked or its user disabled since sign-in: the web session ends with it.
      sessions.end(request.ctx().cookie(SESSION_COOKIE));
    }
    if (caller.isEmpty()) {
      request.toSignIn(session.isEmpty() && request.ctx().cookie(SESSION_COOKIE) != null);
      return false;
    }
    request.signedIn(session.get(), caller.get().user());
    return true;
  }

  /** Closes the workspace sessions a web session opened, when it ends or expires. */
  private void closeOpenWorkspaces(WebSession session) {
    session.forgetAll().forEach((workspace, open) -> {
      try {
        gatehouse.closeSession().close(new CloseSessionCommand(
            new SessionCredentials(session.user(), workspace, open.token())));
      } catch (RuntimeException e) {
        LOG.warn("could not close a workspace session of an ended web session: {}", e.getClass().getSimpleName());
      }
    });
  }

  @SafeVarargs
  private static List<WebRoute> concat(List<WebRoute>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
