package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /metrics}: the Prometheus text exposition, for administrators' API tokens only. */
final class MetricsResource {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final RestMetrics metrics;

  MetricsResource(RestMetrics metrics) {
    this.metrics = metrics;
  }

  List<RestRoute> routes() {
    return List.of(RestRoute.sync("GET", "/metrics", RestAccess.BEARER, this::scrape));
  }

  private RestReply scrape(RestRequest request) {
    if (!request.caller().user().isAdministrator()) {
      throw new AccessDeniedException("metrics are for administrators");
    }
    return RestReply.ok(new RestRawText(PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8)));
  }
}
