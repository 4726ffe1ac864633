package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.SessionGrant;

/**
 * The answer to an unlock or a device choice: {@code granted} with the session, {@code pending}
 * with the unlock challenge, or {@code verifying} with the challenge that activates a device.
 */
record RestUnlockResponse(String outcome, RestSession session, RestChallenge challenge) {
  static RestUnlockResponse granted(SessionGrant grant) {
    return new RestUnlockResponse("granted", RestSession.from(grant), null);
  }

  static RestUnlockResponse pending(ChallengeView challenge) {
    return new RestUnlockResponse("pending", null, RestChallenge.from(challenge));
  }

  static RestUnlockResponse verifying(ChallengeView challenge) {
    return new RestUnlockResponse("verifying", null, RestChallenge.from(challenge));
  }
}
