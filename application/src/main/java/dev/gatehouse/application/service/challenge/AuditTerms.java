package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.mfa.DuoDevice;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the audit trail names challenges' purposes and records refusals: by their codes and facts,
 * quoting Duo's own message where there is one. What people are told is each face's wording.
 */
final class AuditTerms {
  private AuditTerms() {}

  /** The purpose in the words of the audit trail. */
  static String purpose(ChallengePurpose purpose) {
    return switch (purpose) {
      case UNLOCK -> "unlock";
      case VERIFY_DEVICE -> "verify device";
      case STEP_UP -> "step-up";
    };
  }

  /**
   * A challenge's change for the audit trail: the purpose, how Gatehouse ended it if it did, and
   * Duo's message or the gateway's report, e.g. {@code unlock: superseded} or {@code unlock:
   * duo_unavailable: cannot reach Duo at api-x.duosecurity.com}.
   */
  static String challenge(Challenge challenge) {
    StringBuilder text = new StringBuilder(purpose(challenge.purpose()));
    challenge.endCode().ifPresent(code -> text.append(": ").append(code.wireName()));
    if (!challenge.statusMessage().isEmpty()) {
      text.append(": ").append(challenge.statusMessage());
    }
    return text.toString();
  }

  /**
   * A refusal for the audit trail: the purpose, the code and its facts, e.g. {@code unlock:
   * locked_out until 2026-01-01T10:15:00Z} or {@code verify device: duo_denied: Login denied}.
   */
  static String denial(ChallengePurpose purpose, Denial denial) {
    StringBuilder text = new StringBuilder(purpose(purpose)).append(": ")
        .append(denial.code().name().toLowerCase(Locale.ROOT));
    denial.method().ifPresent(method -> text.append(' ').append(method.wireName()));
    denial.device().ifPresent(device -> text.append(" with device ").append(device));
    if (!denial.choices().isEmpty()) {
      text.append(" (devices that can: ").append(denial.choices().stream().map(DuoDevice::id).map(Object::toString)
          .collect(Collectors.joining(", "))).append(')');
    }
    denial.retryAfter().ifPresent(until -> text.append(" until ").append(until));
    if (!denial.detail().isEmpty()) {
      text.append(": ").append(denial.detail());
    }
    return text.toString();
  }
}
