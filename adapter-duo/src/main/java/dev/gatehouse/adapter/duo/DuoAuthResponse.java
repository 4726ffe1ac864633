package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code response} of {@code /auth/v2/auth} (synchronous: result and status; asynchronous:
 * txid) and of {@code /auth/v2/auth_status} (duo-auth-api.md §2.7–2.8).
 */
record DuoAuthResponse(
    @JsonProperty("result") String result,
    @JsonProperty("status") String status,
    @JsonProperty("status_msg") String statusMsg,
    @JsonProperty("txid") String txid,
    @JsonProperty("trusted_device_token") String trustedDeviceToken,
    @JsonProperty("verification_code") String verificationCode) {

  /** Status values Duo documents (duo-auth-api.md §2.7–2.8); others are tolerated and logged once. */
  static final Set<String> KNOWN_STATUSES = Set.of("calling", "answered", "pushed", "push_failed", "allow",
      "bypass", "deny", "fraud", "locked_out", "sent", "timeout");
  /** How Duo's status message words a Verified Duo Push's code ("Please enter verification code 708 ..."). */
  private static final Pattern CODE_IN_MESSAGE = Pattern.compile("(?i)verification\\W{1,3}code\\W{0,3}(\\d{2,8})\\b");

  /** Whether Duo said anything Gatehouse can read as a status. */
  boolean hasResult() {
    return result != null && !result.isBlank();
  }

  /**
   * A final answer (synchronous /auth): {@code allow} allows; {@code waiting} waits; {@code deny}
   * and any other result deny, with the reason taken from {@code status} (fraud, timeout,
   * locked_out; anything else: denied). Unknown values are logged once.
   */
  AuthStatus toDomain() {
    String kind = kind();
    if (!kind.equals("allow") && !kind.equals("waiting") && !kind.equals("deny")) {
      DuoUnknownValues.report("/auth/v2/auth", "result", result, "deny");
    }
    return map(kind, "/auth/v2/auth");
  }

  /**
   * An answer of the auth_status long poll: as {@link #toDomain()}, except that a result Gatehouse
   * does not know means the transaction is still waiting (the challenge's expiry still ends it).
   * While waiting, the code of a Verified Duo Push is read from {@code verification_code} or, as
   * Duo words it, from the status message.
   */
  AuthStatus toPollStatus() {
    String kind = kind();
    if (!kind.equals("allow") && !kind.equals("waiting") && !kind.equals("deny")) {
      DuoUnknownValues.report("/auth/v2/auth_status", "result", result, "still waiting");
      kind = "waiting";
    }
    return map(kind, "/auth/v2/auth_status");
  }

  private String kind() {
    return result == null ? "" : result.strip().toLowerCase(Locale.ROOT);
  }

  private AuthStatus map(String kind, String endpoint) {
    StatusMessage message = StatusMessage.of(statusMsg);
    String code = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    if (!code.isEmpty() && !KNOWN_STATUSES.contains(code)) {
      DuoUnknownValues.report(endpoint, "status", status, kind.equals("allow") ? "allow"
          : kind.equals("waiting") ? "still waiting" : "deny");
    }
    if (kind.equals("allow")) {
      return new AuthStatus.Allowed(message);
    }
    if (kind.equals("waiting")) {
      return new AuthStatus.Waiting(message, verification());
    }
    return new AuthStatus.Denied(reason(), message);
  }

  /** The Verified Duo Push code, if Duo reported one. */
  Optional<VerificationCode> verification() {
    String raw = verificationCode;
    if (raw == null || raw.isBlank()) {
      Matcher m = CODE_IN_MESSAGE.matcher(statusMsg == null ? "" : statusMsg);
      raw = m.find() ? m.group(1) : null;
    }
    if (raw == null || !raw.strip().matches("[0-9]{2,8}")) {
      return Optional.empty();
    }
    return Optional.of(new VerificationCode(raw));
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
