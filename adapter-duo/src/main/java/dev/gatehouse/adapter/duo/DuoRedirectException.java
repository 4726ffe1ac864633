package dev.gatehouse.adapter.duo;

import feign.FeignException;

/**
 * Something at Duo's address answered with a redirect (HTTP 3xx) instead of Duo's API: a wrong API
 * hostname, or a TLS-inspecting proxy sending Gatehouse to its login page. Gatehouse never follows
 * it; {@link DuoErrors} reports it as Gatehouse's own misconfiguration.
 */
final class DuoRedirectException extends FeignException {
  private static final long serialVersionUID = 1L;

  private final String targetHost;

  /** {@code targetHost}: the host the redirect points to, or null when it names none. */
  DuoRedirectException(int httpStatus, String targetHost) {
    super(httpStatus, "redirect (HTTP " + httpStatus + ")");
    this.targetHost = targetHost;
  }

  /** The host the redirect points to, or null when it names none (relative, missing or unreadable). */
  String targetHost() {
    return targetHost;
  }
}
