package dev.gatehouse.application.port.in.challenge;

import java.time.Duration;

/**
 * This node already follows as many pending Duo requests as it may; it refuses new ones rather than
 * run out of memory. Nothing was sent to Duo and nothing was stored: retry after {@link #retryAfter()}
 * (or on another node).
 */
public final class BusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  public BusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
