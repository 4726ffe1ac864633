package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;
import java.util.Optional;

/**
 * What a challenge's owner sees: state, reason, Duo's message, expiry, passcode attempts left,
 * and, the first time an approved unlock is read, the session.
 */
public record ChallengeView(ChallengeId id, WorkspaceName workspace, ChallengePurpose purpose,
    DeviceSelection selection, ChallengeState state, Optional<DenialReason> denialReason,
    StatusMessage message, Instant expiresAt, int remainingPasscodeAttempts,
    Optional<SessionGrant> session) {

  public boolean isFinal() {
    return state.isFinal();
  }
}
