package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.common.Require;
import java.time.Duration;

/** Read a challenge (its owner only), waiting up to {@code maxWait} (at most 30 s) for it to change. */
public record GetChallengeQuery(UserName actor, ChallengeId challenge, Duration maxWait) {
  public GetChallengeQuery {
    Require.notNull("actor", actor);
    Require.notNull("challenge", challenge);
    Require.inRange("waitSeconds", maxWait, Duration.ZERO, GetChallengeUseCase.MAX_WAIT);
  }
}
