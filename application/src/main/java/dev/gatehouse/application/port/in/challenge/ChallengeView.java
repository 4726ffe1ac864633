package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;
import java.util.Optional;

/**
 * What a challenge's owner sees: state, reason, Duo's message (or, when Gatehouse ended it, its
 * {@link EndCode} and the gateway's report or Duo's message behind it), expiry, passcode attempts left,
 * the code to type into Duo Mobile while a Verified Duo Push waits, the method that settled it once
 * final, and whether an approved unlock's session is ready to be claimed (once, with
 * {@link ClaimSessionUseCase}: reading a challenge never changes it).
 */
public record ChallengeView(ChallengeId id, WorkspaceName workspace, ChallengePurpose purpose,
    DeviceSelection selection, ChallengeState state, Optional<DenialReason> denialReason,
    StatusMessage message, Instant expiresAt, int remainingPasscodeAttempts,
    boolean sessionReady, Optional<VerificationCode> verificationCode,
    Optional<DuoMethod> settledBy, Optional<EndCode> endCode) {

  /**
   * A view without a verification code and, if final, settled by the challenge's own method; Duo's
   * message, if any, is all it says.
   */
  public ChallengeView(ChallengeId id, WorkspaceName workspace, ChallengePurpose purpose,
      DeviceSelection selection, ChallengeState state, Optional<DenialReason> denialReason,
      StatusMessage message, Instant expiresAt, int remainingPasscodeAttempts,
      boolean sessionReady) {
    this(id, workspace, purpose, selection, state, denialReason, message, expiresAt, remainingPasscodeAttempts,
        sessionReady, Optional.empty(), state.isFinal() ? Optional.of(selection.method()) : Optional.empty(),
        Optional.empty());
  }

  /**
   * Whether a passcode may be typed for it: it awaits one, or a push or call is still waiting
   * (whichever comes first settles it).
   */
  public boolean acceptsPasscode() {
    return state == ChallengeState.AWAITING_PASSCODE || state == ChallengeState.PENDING;
  }

  public boolean isFinal() {
    return state.isFinal();
  }
}
