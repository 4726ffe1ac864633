package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import io.javalin.http.Context;
import java.util.Optional;

/** One request as the resources see it: the authenticated actor, parameters, body and client. */
final class RestRequest {
  static final String CALLER = "gatehouse.caller";

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
