package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import java.util.Locale;

/**
 * The {@code response} of {@code /auth/v2/auth} (synchronous: result and status; asynchronous:
 * txid) and of {@code /auth/v2/auth_status} (duo-auth-api.md §2.7–2.8).
 */
record DuoAuthResponse(
    @JsonProperty("result") String result,
    @JsonProperty("status") String status,
    @JsonProperty("status_msg") String statusMsg,
    @JsonProperty("txid") String txid,
    @JsonProperty("trusted_device_token") String trustedDeviceToken) {

  /** Whether Duo said anything Gatehouse can read as a status. */
  boolean hasResult() {
    return result != null && !result.isBlank();
  }

  /**
   * {@code allow} allows; {@code waiting} waits; {@code deny} and any other result deny, with the
   * reason taken from {@code status} (fraud, timeout, locked_out; anything else: denied).
   */
  AuthStatus toDomain() {
    StatusMessage message = StatusMessage.of(statusMsg);
    String kind = result == null ? "" : result.strip().toLowerCase(Locale.ROOT);
    if (kind.equals("allow")) {
      return new AuthStatus.Allowed(message);
    }
    if (kind.equals("waiting")) {
      return new AuthStatus.Waiting(message);
    }
    return new AuthStatus.Denied(reason(), message);
  }

  DenialReason reason() {
    String code = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    return switch (code) {
      case "fraud" -> DenialReason.FRAUD;
      case "timeout" -> DenialReason.TIMEOUT;
      case "locked_out" -> DenialReason.LOCKED_OUT;
      default -> DenialReason.DENIED;
    };
  }
}
