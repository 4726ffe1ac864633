package dev.gatehouse.domain.challenge;

/** Where a challenge is in its lifecycle. */
public enum ChallengeState {
  /** Waiting on Duo (push or call in flight). */
  PENDING,
  /** Waiting on the member to type a passcode. */
  AWAITING_PASSCODE,
  APPROVED,
  DENIED,
  EXPIRED,
  /** Duo became unusable after the challenge started; never a grant. */
  FAILED;

  public boolean isFinal() {
    return this == APPROVED || this == DENIED || this == EXPIRED || this == FAILED;
  }
}
