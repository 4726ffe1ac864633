package dev.gatehouse.application.port.in.challenge;

/** Cancels an open challenge. */
public interface CancelChallengeUseCase {
  ChallengeView cancel(CancelChallengeCommand command);
}
