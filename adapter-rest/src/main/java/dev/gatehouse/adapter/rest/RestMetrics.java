package dev.gatehouse.adapter.rest;

import java.time.Duration;

/**
 * Where the REST server reports each answered request and whence {@code GET /metrics} takes its
 * text. Labels are bounded: a known method (else {@code OTHER}), the route template (never the raw
 * path) or {@code (unmatched)} / {@code (rejected)}, and the status code.
 */
public interface RestMetrics {
  /** Counts nothing; {@code /metrics} answers an empty exposition. */
  RestMetrics NONE = new RestMetrics() {};

  /** A request was answered. */
  default void answered(String method, String route, int status, Duration duration) {}

  /** The current metrics in Prometheus' text exposition format (version 0.0.4). */
  default String scrape() {
    return "";
  }
}
