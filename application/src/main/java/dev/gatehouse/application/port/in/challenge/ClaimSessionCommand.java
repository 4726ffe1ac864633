package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;

/** The owner of an approved unlock claims its session. */
public record ClaimSessionCommand(UserName actor, ChallengeId challenge) {
  public ClaimSessionCommand {
    Require.notNull("actor", actor);
    Require.notNull("challenge", challenge);
  }
}
