package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * Why a user may not get into a workspace right now (or not start a challenge there), and until when
 * if it ends by itself. The one typed answer to "may they?", from {@link MemberStanding}.
 */
public record Restriction(Kind kind, Optional<Instant> until) {
  /** The rule that applies. */
  public enum Kind {
    /** The user was disabled by an administrator. */
    USER_DISABLED,
    /** The user is not (or no longer) a member of the workspace. */
    NOT_MEMBER,
    /** A fraud report suspended access until an administrator clears it. */
    SUSPENDED,
    /** Too many wrong passcodes in the window. */
    LOCKED_OUT,
    /** A push or call was denied moments ago. */
    COOLDOWN
  }

  /** The reason a challenge that this restriction overtakes is denied with. */
  public DenialReason denialReason() {
    return switch (kind) {
      case SUSPENDED -> DenialReason.SUSPENDED;
      case LOCKED_OUT -> DenialReason.LOCKED_OUT;
      case USER_DISABLED, NOT_MEMBER, COOLDOWN -> DenialReason.CANCELLED;
    };
  }

  public Restriction {
    Require.notNull("kind", kind);
    Require.notNull("until", until);
  }
}
