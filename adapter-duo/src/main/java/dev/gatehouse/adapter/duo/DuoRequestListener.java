package dev.gatehouse.adapter.duo;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Told about each HTTP exchange with Duo and each 429 back-off, for metrics. Labels are bounded:
 * the endpoint is one of the Auth API's ({@link #ENDPOINTS}, else {@code other}) and the result one
 * of {@code ok}, {@code rate_limited}, {@code client_error}, {@code server_error}, {@code failed}
 * (no answer). Calls come from Duo's I/O threads: they must be cheap and must not throw.
 */
public interface DuoRequestListener {
  /** Listens to nothing. */
  DuoRequestListener NONE = new DuoRequestListener() {};

  /** The Auth API endpoints Gatehouse calls, as they name the last path segment. */
  Set<String> ENDPOINTS = Set.of("check", "preauth", "auth", "auth_status", "ping");

  /** One request answered (or failed without an answer) after {@code latency}. */
  default void answered(String endpoint, String result, Duration latency) {}

  /** Duo answered 429 and Gatehouse waits before trying again. */
  default void backedOff() {}

  /** The bounded endpoint label of a request URL. */
  static String endpoint(String url) {
    int query = url.indexOf('?');
    String path = query < 0 ? url : url.substring(0, query);
    String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return ENDPOINTS.contains(last) ? last : "other";
  }

  /** The bounded result label of an HTTP status (0: no answer). */
  static String result(int status) {
    if (status == 0) {
      return "failed";
    }
    if (status == 429) {
      return "rate_limited";
    }
    if (status < 400) {
      return "ok";
    }
    return status < 500 ? "client_error" : "server_error";
  }
}
