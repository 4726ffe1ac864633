package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.common.Require;

/**
 * The second-factor provider refused the request. Never a failmode case: wrong credentials,
 * a wrong integration, a bad request, or rate limiting (which an attacker could provoke) must not
 * open a workspace. The message carries the provider's detail and never secrets.
 */
public class SecondFactorRejectedException extends RuntimeException {
  /** Why the provider refused. */
  public enum Reason {
    /** HTTP 429 after the official back-off. */
    RATE_LIMITED,
    /** HTTP 401: integration key, secret key, signature or clock wrong. */
    CREDENTIALS_REJECTED,
    /** HTTP 403: the integration is not an Auth API application. */
    INTEGRATION_FORBIDDEN,
    /** HTTP 400: the request was refused (e.g. no capable device). */
    REQUEST_REJECTED,
    /**
     * Gatehouse's own connection settings for Duo are unusable (an unreadable or invalid CA file),
     * or lead somewhere that redirects instead of answering (a wrong API hostname, an intercepting
     * proxy): Duo was never asked, and a local mistake never opens a workspace.
     */
    LOCAL_CONFIGURATION
  }

  private final Reason reason;

  public SecondFactorRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Require.notNull("reason", reason);
  }

  public Reason reason() {
    return reason;
  }
}
