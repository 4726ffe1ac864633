package dev.gatehouse.adapter.web;

import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One console request: the Javalin context, the signed-in user and web session, and the ways to answer. */
final class WebRequest {
  static final String CSRF_FIELD = "csrf";

  private final Context ctx;
  private final WebTemplates templates;
  private final Clock clock;
  private final boolean alwaysSecureCookies;
  private WebSession session;
  private User user;

  WebRequest(Context ctx, WebTemplates templates, Clock clock, boolean alwaysSecureCookies) {
    this.ctx = ctx;
    this.templates = templates;
    this.clock = clock;
    this.alwaysSecureCookies = alwaysSecureCookies;
  }

  Context ctx() {
    return ctx;
  }

  Clock clock() {
    return clock;
  }

  void signedIn(WebSession webSession, User signedIn) {
    this.session = webSession;
    this.user = signedIn;
  }

  boolean isSignedIn() {
    return session != null;
  }

  WebSession session() {
    if (session == null) {
      throw new IllegalStateException("route needs a signed-in request");
    }
    return session;
  }

  UserName actor() {
    return session().user();
  }

  boolean isAdministrator() {
    return user != null && user.isAdministrator();
  }

  String path(String name) {
    return ctx.pathParam(name);
  }

  /** A form field, stripped; empty when absent. */
  String form(String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }

  /** A form field exactly as typed (secrets and passcodes are not altered); empty when absent. */
  String rawForm(String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** Sent by htmx: the answer is a fragment, not a page. */
  boolean isHtmx() {
    return "true".equals(ctx.header("HX-Request"));
  }

  boolean isHttps() {
    return "https".equalsIgnoreCase(ctx.scheme());
  }

  /** Cookies are marked Secure even over plain HTTP (behind a TLS-terminating proxy). */
  boolean secureCookies() {
    return alwaysSecureCookies;
  }

  ClientContext client() {
    String ip = ctx.req().getRemoteAddr();
    if (ip == null) {
      return ClientContext.UNKNOWN;
    }
    String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    int zone = bare.indexOf('%');
    try {
      return ClientContext.of(zone < 0 ? bare : bare.substring(0, zone), null);
    } catch (InvalidValueException e) {
      return ClientContext.UNKNOWN;
    }
  }

  /** The frame of a page: its title, breadcrumbs, who is signed in, the CSRF token and any notice named in the query. */
  WebFrame frame(String title, WebLink... crumbs) {
    Optional<String> notice = query("notice").flatMap(WebNotice::text);
    return new WebFrame(title, Optional.ofNullable(session).map(s -> s.user().value()), isAdministrator(),
        session == null ? "" : session.csrfToken(), List.copyOf(Arrays.asList(crumbs)), notice);
  }

  void render(String template, Map<String, Object> params) {
    render(200, template, params);
  }

  void render(int status, String template, Map<String, Object> params) {
    ctx.status(status);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(templates.render(template, params));
  }

  /** 303 See Other: after a POST the browser GETs the next page. */
  void redirect(String location) {
    if (isHtmx()) {
      ctx.header("HX-Redirect", location);
      ctx.status(204);
      return;
    }
    ctx.redirect(location, HttpStatus.SEE_OTHER);
  }

  /** Sends a browser without a (live) web session to the sign-in page. */
  void toSignIn(boolean expired) {
    String location = "/sign-in" + (expired ? "?notice=" + WebNotice.EXPIRED.code() : "");
    if (isHtmx()) {
      ctx.header("HX-Redirect", location);
      ctx.status(401);
      return;
    }
    ctx.redirect(location, HttpStatus.SEE_OTHER);
  }
}
