package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;

/**
 * Submit a passcode to a challenge awaiting one, or in place of a push or call still waiting (its
 * owner only).
 */
public record SubmitPasscodeCommand(UserName actor, ChallengeId challenge, Passcode passcode, ClientContext client) {
  public SubmitPasscodeCommand {
    Require.notNull("actor", actor);
    Require.notNull("challenge", challenge);
    Require.notNull("passcode", passcode);
    Require.notNull("client", client);
  }
}
