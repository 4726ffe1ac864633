package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import java.time.Instant;
import java.util.Optional;

/** Why a member may not start a challenge right now, and until when (if it ends by itself). */
public record Restriction(Kind kind, Optional<Instant> until) {
  /** The rule that applies. */
  public enum Kind {
    /** A fraud report suspended access until an administrator clears it. */
    SUSPENDED,
    /** Too many wrong passcodes in the window. */
    LOCKED_OUT,
    /** A push or call was denied moments ago. */
    COOLDOWN
  }

  public Restriction {
    Require.notNull("kind", kind);
    Require.notNull("until", until);
  }
}
