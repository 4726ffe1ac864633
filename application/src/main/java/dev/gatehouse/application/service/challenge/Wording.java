package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.Restriction;
import dev.gatehouse.domain.challenge.StatusMessage;
import java.util.Optional;

/**
 * The core's own words, in one place: the audit trail's names for challenge purposes, and one
 * message per restriction (what a member is told, and what the audit quotes, whichever path found
 * it: starting a challenge, an approval overtaken by it, or a session claim).
 */
final class Wording {
  private Wording() {}

  /** The purpose in the words of the audit trail. */
  static String purpose(ChallengePurpose purpose) {
    return switch (purpose) {
      case UNLOCK -> "unlock";
      case VERIFY_DEVICE -> "verify device";
      case STEP_UP -> "step-up";
    };
  }

  /** The refusal for a restriction found before a challenge starts. */
  static Denial denial(Restriction restriction) {
    DenialCode code = switch (restriction.kind()) {
      case SUSPENDED -> DenialCode.SUSPENDED;
      case LOCKED_OUT -> DenialCode.LOCKED_OUT;
      case COOLDOWN -> DenialCode.COOLDOWN;
      case USER_DISABLED, NOT_MEMBER -> throw new IllegalArgumentException(
          "a disabled user or a non-member is refused as unauthorized, not denied: " + restriction);
    };
    return new Denial(code, message(restriction), Optional.empty(), restriction.until());
  }

  /** Why access was withdrawn after a challenge started (it is denied with the restriction's reason). */
  static StatusMessage revoked(Restriction restriction) {
    return message(restriction);
  }

  private static StatusMessage message(Restriction restriction) {
    return StatusMessage.of(switch (restriction.kind()) {
      case USER_DISABLED -> "Your user was disabled";
      case NOT_MEMBER -> "You are no longer a member of this workspace";
      case SUSPENDED -> "Access is suspended after a fraud report; an administrator must clear it";
      case LOCKED_OUT -> "Too many wrong passcodes; try again later";
      case COOLDOWN -> "A request was just denied; wait before sending another";
    });
  }
}
