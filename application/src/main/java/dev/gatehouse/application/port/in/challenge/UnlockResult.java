package dev.gatehouse.application.port.in.challenge;

/** The outcome of opening a workspace: granted, pending a challenge, or denied. */
public sealed interface UnlockResult {
  /** Opened: the session is in the grant. */
  record Granted(SessionGrant session) implements UnlockResult {}

  /** A challenge was started (or one was already waiting): poll it or submit a passcode. */
  record Pending(ChallengeView challenge) implements UnlockResult {}

  record Denied(Denial denial) implements UnlockResult {}
}
