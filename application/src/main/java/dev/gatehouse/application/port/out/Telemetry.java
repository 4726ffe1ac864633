package dev.gatehouse.application.port.out;

import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.session.GrantKind;
import java.time.Duration;

/**
 * What Gatehouse reports about its own work for operators to count: unlock outcomes, settled
 * challenges, revealed credentials. Only bounded values cross it (enums, durations), never a user,
 * workspace, entry or token. Calls must be cheap and must never throw; {@link #NONE} ignores them.
 */
public interface Telemetry {
  /** Reports nothing: for hosts that do not collect metrics. */
  Telemetry NONE = new Telemetry() {};

  /** A workspace was opened (a session issued), and why it was allowed. */
  default void unlockGranted(GrantKind kind) {}

  /** An unlock was refused at once (no challenge was left open). */
  default void unlockDenied(DenialCode code) {}

  /** An unlock started a challenge that the member must now answer. */
  default void unlockPending() {}

  /** A challenge reached a final state, {@code duration} after it started. */
  default void challengeSettled(ChallengePurpose purpose, ChallengeState state, Duration duration) {}

  /** A member was shown an entry's secret. */
  default void credentialRevealed() {}
}
