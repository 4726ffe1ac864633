package dev.gatehouse.domain.challenge;

import java.util.Locale;

/** Why a challenge ended in {@link ChallengeState#DENIED}. */
public enum DenialReason {
  DENIED,
  FRAUD,
  TIMEOUT,
  LOCKED_OUT,
  /** A fraud report suspended the member's access until an administrator clears it. */
  SUSPENDED,
  TOO_MANY_PASSCODES,
  CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
