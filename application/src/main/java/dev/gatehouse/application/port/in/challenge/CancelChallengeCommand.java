package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;

/** Cancel an open challenge (its owner only). */
public record CancelChallengeCommand(UserName actor, ChallengeId challenge) {
  public CancelChallengeCommand {
    Require.notNull("actor", actor);
    Require.notNull("challenge", challenge);
  }
}
