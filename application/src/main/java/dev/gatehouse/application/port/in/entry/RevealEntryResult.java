package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.Denial;

/**
 * The outcome of a reveal: the secret; or, for an entry with a step-up and no fresh approval for it
 * on this session, the step-up challenge to complete before revealing again; or a refusal.
 */
public sealed interface RevealEntryResult {
  /** The secret, audited as {@code CREDENTIAL_REVEALED}. */
  record Revealed(RevealedEntry entry) implements RevealEntryResult {}

  /**
   * A step-up challenge was started (or one was already waiting): complete it like an unlock's
   * (poll, passcode, cancel), then reveal again on the same session within the entry's step-up age.
   */
  record StepUpRequired(ChallengeView challenge) implements RevealEntryResult {}

  /** The step-up cannot be done now (Duo denies, unavailable, cooldown, no device, bypass user, ...). */
  record Denied(Denial denial) implements RevealEntryResult {}
}
