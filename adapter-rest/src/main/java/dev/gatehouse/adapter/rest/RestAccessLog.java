package dev.gatehouse.adapter.rest;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, route template (never the raw path, which may hold a challenge
 * id), status and duration. Headers, query strings and bodies are never logged, so neither are
 * tokens, passcodes or secret keys.
 */
final class RestAccessLog implements RequestLogger {
  static final String LOGGER = "dev.gatehouse.adapter.rest.access";
  /** The route of a request the server refused before routing (bad URI, 414, 431). */
  static final String REJECTED = "(rejected)";
  /** The route of a request whose client closed the connection before it was complete. */
  static final String ABORTED = "(aborted)";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  private final RestMetrics metrics;

  RestAccessLog(RestMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx, Float executionTimeMs) {
    metrics.answered(method(ctx.method().name()), route(ctx), ctx.statusCode(),
        Duration.ofNanos(executionTimeMs == null ? 0 : (long) (executionTimeMs * 1_000_000)));
    if (!LOG.isInfoEnabled()) {
      return;
    }
    // The line may be written on another thread than the handler's (long polls): name the request again.
    RestRequestId.withMdc(ctx.attribute(RestRequestId.ATTRIBUTE), () -> LOG.info(
        "method={} route={} status={} durationMs={}", ctx.method().name(), route(ctx), ctx.statusCode(),
        executionTimeMs == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", executionTimeMs)));
  }

  /**
   * The line for what Jetty answered by itself (bad URI, 414, 431, a body too slow or aborted: no
   * route ran, so Javalin's request logger never sees it).
   */
  void jettyError(String method, String route, int status, long startedNanos) {
    metrics.answered(method(method), route, status, Duration.ofNanos(System.nanoTime() - startedNanos));
    if (LOG.isInfoEnabled()) {
      LOG.info("method={} route={} status={} durationMs={}", method, route, status,
          String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1_000_000.0));
    }
  }

  /** A method label from a bounded set: anything unusual is OTHER. */
  static String method(String method) {
    return METHODS.contains(method) ? method : "OTHER";
  }

  static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null || endpoint.path.isEmpty() ? "(unmatched)" : endpoint.path;
  }
}
