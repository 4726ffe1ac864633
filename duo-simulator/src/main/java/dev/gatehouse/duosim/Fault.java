package dev.gatehouse.duosim;

import java.time.Duration;
import java.util.Locale;

/**
 * A failure injected into one Auth API endpoint (or {@code *} for all) for the next {@code times}
 * requests ({@code -1}: until cleared).
 */
public record Fault(String endpoint, Kind kind, int times, int httpStatus, Integer retryAfterSeconds, Duration latency) {

  /** What the endpoint does instead of (or, for latency, before) answering normally. */
  public enum Kind {
    /** Wait {@code latency}, then answer normally. */
    LATENCY,
    /** Answer {@code httpStatus} (5xx) with a Duo error envelope, code {@code status * 100}. */
    SERVER_ERROR,
    /**
     * Answer {@code httpStatus} (400, 401 or 403) with the Duo error envelope Duo sends for it: 40002
     * invalid parameters, 40103 invalid signature, 40301 access forbidden.
     */
    CLIENT_ERROR,
    /** Answer 429 with code 42901, with a {@code Retry-After} header when {@code retryAfterSeconds} is set. */
    RATE_LIMIT,
    /** Answer 200 with a truncated, unparseable JSON body. */
    MALFORMED_JSON,
    /** Close the connection without any response. */
    DROP_CONNECTION
  }

  public Fault {
    endpoint = normalizeEndpoint(endpoint);
    if (kind == null) {
      throw new IllegalArgumentException("fault kind is required");
    }
    if (times == 0 || times < -1) {
      throw new IllegalArgumentException("times must be positive, or -1 for until cleared");
    }
    if (kind == Kind.SERVER_ERROR && (httpStatus < 500 || httpStatus > 599)) {
      throw new IllegalArgumentException("a server error needs a 5xx status");
    }
    if (kind == Kind.CLIENT_ERROR && httpStatus != 400 && httpStatus != 401 && httpStatus != 403) {
      throw new IllegalArgumentException("a client error is 400, 401 or 403");
    }
    if (kind == Kind.RATE_LIMIT) {
      httpStatus = 429;
    }
    if (kind == Kind.LATENCY && (latency == null || latency.isNegative())) {
      throw new IllegalArgumentException("a latency fault needs a non-negative latency");
    }
  }

  public static Fault latency(String endpoint, Duration latency, int times) {
    return new Fault(endpoint, Kind.LATENCY, times, 0, null, latency);
  }

  public static Fault serverError(String endpoint, int httpStatus, int times) {
    return new Fault(endpoint, Kind.SERVER_ERROR, times, httpStatus, null, null);
  }

  /** 400 / 40002, 401 / 40103 or 403 / 40301, as Duo answers a bad request, bad credentials or the wrong integration. */
  public static Fault clientError(String endpoint, int httpStatus, int times) {
    return new Fault(endpoint, Kind.CLIENT_ERROR, times, httpStatus, null, null);
  }

  /** 429 / 42901; {@code retryAfterSeconds} may be null for no {@code Retry-After} header. */
  public static Fault rateLimited(String endpoint, int times, Integer retryAfterSeconds) {
    return new Fault(endpoint, Kind.RATE_LIMIT, times, 429, retryAfterSeconds, null);
  }

  public static Fault malformedJson(String endpoint, int times) {
    return new Fault(endpoint, Kind.MALFORMED_JSON, times, 200, null, null);
  }

  public static Fault dropConnection(String endpoint, int times) {
    return new Fault(endpoint, Kind.DROP_CONNECTION, times, 0, null, null);
  }

  /** {@code /auth/v2/preauth}, {@code preauth} and {@code PREAUTH} all name the same endpoint. */
  static String normalizeEndpoint(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      return "*";
    }
    String e = endpoint.trim().toLowerCase(Locale.ROOT);
    if (e.startsWith("/auth/v2/")) {
      e = e.substring("/auth/v2/".length());
    }
    return e;
  }
}
