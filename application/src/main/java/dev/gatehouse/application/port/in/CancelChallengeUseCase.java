package dev.gatehouse.application.port.in;

/** Cancels an open challenge. */
public interface CancelChallengeUseCase {
  ChallengeView cancel(CancelChallengeCommand command);
}
