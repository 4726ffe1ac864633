package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import io.javalin.http.Context;
import java.util.Optional;

/** One request as the resources see it: the authenticated actor, parameters, body and client. */
final class RestRequest {
  static final String CALLER = "gatehouse.caller";
  /** The request header that carries the workspace session token next to the bearer token. */
  static final String SESSION_HEADER = "Gatehouse-Session";

  private final Context ctx;
  private final RestJson json;

  RestRequest(Context ctx, RestJson json) {
    this.ctx = ctx;
    this.json = json;
  }

  /** Who the bearer token speaks for; set before any protected handler runs. */
  ApiCaller caller() {
    ApiCaller caller = ctx.attribute(CALLER);
    if (caller == null) {
      throw RestUnauthorizedException.missing();
    }
    return caller;
  }

  /** The owner of the bearer token. */
  UserName actor() {
    return caller().user().name();
  }

  String path(String name) {
    return ctx.pathParam(name);
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(value -> !value.isBlank());
  }

  /** The JSON body as the given record; size-limited by the server. */
  <T> T body(Class<T> type) {
    return json.read(ctx.bodyAsBytes(), type);
  }

  /** The JSON body as the given record, or empty when there is no body (nothing, or only blanks). */
  <T> Optional<T> optionalBody(Class<T> type) {
    byte[] body = ctx.bodyAsBytes();
    if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(json.read(body, type));
  }

  /**
   * What an entry or session operation presents: the actor, the workspace and the workspace
   * session token of the {@code Gatehouse-Session} header. A missing or malformed header is a
   * {@link SessionRequiredException} like a dead session: the caller must open the workspace.
   */
  SessionCredentials session(WorkspaceName workspace) {
    UserName actor = actor();
    String header = ctx.header(SESSION_HEADER);
    if (header == null || header.isBlank()) {
      throw new SessionRequiredException("this operation needs the workspace session (header "
          + SESSION_HEADER + "): open the workspace first");
    }
    try {
      return new SessionCredentials(actor, workspace, new SecretToken(header.strip()));
    } catch (InvalidValueException e) {
      throw new SessionRequiredException("no live session for workspace " + workspace
          + ": open the workspace first");
    }
  }

  /**
   * For an operation without request fields: no body, an empty body or {@code {}}. Anything else
   * is refused like any other body (malformed JSON 400, an unknown field 400 naming it).
   */
  void requireNoFields() {
    byte[] body = ctx.bodyAsBytes();
    if (!new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      json.read(body, RestNoFields.class);
    }
  }

  /** Where the request comes from, as far as Gatehouse can tell; never fails the request. */
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
}
