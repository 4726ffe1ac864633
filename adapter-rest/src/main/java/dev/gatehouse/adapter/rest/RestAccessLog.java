package dev.gatehouse.adapter.rest;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, route template (never the raw path, which may hold a challenge
 * id), status and duration. Headers, query strings and bodies are never logged, so neither are
 * tokens, passcodes or secret keys.
 */
final class RestAccessLog implements RequestLogger {
  static final String LOGGER = "dev.gatehouse.adapter.rest.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void handle(Context ctx, Float executionTimeMs) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    // The line may be written on another thread than the handler's (long polls): name the request again.
    RestRequestId.withMdc(ctx.attribute(RestRequestId.ATTRIBUTE), () -> LOG.info(
        "method={} route={} status={} durationMs={}", ctx.method().name(), route(ctx), ctx.statusCode(),
        executionTimeMs == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", executionTimeMs)));
  }

  /**
   * The line for what Jetty answered by itself (bad URI, 414, 431: no route ran, so Javalin's
   * request logger never sees it).
   */
  static void jettyError(String method, int status, long startedNanos) {
    if (LOG.isInfoEnabled()) {
      LOG.info("method={} route={} status={} durationMs={}", method, "(rejected by the server)", status,
          String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1_000_000.0));
    }
  }

  static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null || endpoint.path.isEmpty() ? "(unmatched)" : endpoint.path;
  }
}
