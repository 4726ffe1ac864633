package dev.gatehouse.adapter.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /health}, {@code /ready} and {@code /openapi.json}: open to anyone. */
final class SystemResource {
  static final String OPENAPI = "/dev/gatehouse/adapter/rest/openapi.json";
  private static final Logger LOG = LoggerFactory.getLogger(SystemResource.class);

  private final ReadinessCheck readiness;
  private final byte[] openapi;

  SystemResource(ReadinessCheck readiness) {
    this.readiness = readiness;
    this.openapi = load();
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("GET", "/health", RestAccess.PUBLIC, request -> RestReply.ok(new RestStatus("up"))),
        RestRoute.sync("GET", "/ready", RestAccess.PUBLIC, request -> ready()),
        RestRoute.sync("GET", "/openapi.json", RestAccess.PUBLIC, request -> RestReply.ok(new RestRawJson(openapi))));
  }

  RestReply ready() {
    Optional<String> problem;
    try {
      problem = readiness.problem();
    } catch (RuntimeException e) {
      LOG.warn("readiness check failed: {}", e.getClass().getSimpleName());
      problem = Optional.of("the readiness check failed");
    }
    return problem
        .map(why -> RestReply.of(503, RestProblem.of(RestProblemType.NOT_READY, why)))
        .orElse(RestReply.ok(new RestStatus("ready")));
  }

  static byte[] load() {
    try (InputStream in = SystemResource.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the adapter-rest jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
