package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.Require;
import java.time.Instant;
import java.util.Optional;

/** A refusal: its code, a message to show (Duo's where it gave one), the enrollment URL and retry time where relevant. */
public record Denial(DenialCode code, StatusMessage message, Optional<String> enrollmentUrl,
    Optional<Instant> retryAfter) {
  public Denial {
    Require.notNull("code", code);
    Require.notNull("message", message);
    Require.notNull("enrollmentUrl", enrollmentUrl);
    Require.notNull("retryAfter", retryAfter);
  }

  public static Denial of(DenialCode code, String message) {
    return new Denial(code, StatusMessage.of(message), Optional.empty(), Optional.empty());
  }
}
