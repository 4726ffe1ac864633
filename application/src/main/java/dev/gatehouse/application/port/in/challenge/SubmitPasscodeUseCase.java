package dev.gatehouse.application.port.in.challenge;

/** Verifies a passcode typed for a challenge. */
public interface SubmitPasscodeUseCase {
  ChallengeView submit(SubmitPasscodeCommand command);
}
