package dev.gatehouse.application.port.in;

/** Verifies a passcode typed for a challenge. */
public interface SubmitPasscodeUseCase {
  ChallengeView submit(SubmitPasscodeCommand command);
}
