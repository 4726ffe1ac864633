package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.GetChallengeQuery;
import dev.gatehouse.application.port.in.GetChallengeUseCase;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.user.User;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Reads a challenge for its owner. A pending push or call is followed with Duo's own long poll
 * until it ends, a Verified Duo Push's code appears, or the caller's bounded wait ends; no thread waits meanwhile, and whatever Duo
 * reports is stored, so any node can answer the next read.
 */
public final class GetChallengeService implements GetChallengeUseCase {
  /** A gateway that answers "waiting" at once must not spin: at most this many polls per read. */
  private static final int MAX_POLLS_PER_READ = 64;

  private final ChallengeEngine engine;

  public GetChallengeService(GatehousePorts ports) {
    this.engine = new ChallengeEngine(ports);
  }

  @Override
  public CompletionStage<ChallengeView> get(GetChallengeQuery query) {
    User actor = engine.access.actor(query.actor());
    Challenge challenge = engine.outcomes.owned(actor, query.challenge());
    Instant deadline = engine.ports.clock().instant().plus(query.maxWait());
    return engine.follower.followForReader(challenge, deadline, MAX_POLLS_PER_READ)
        .thenApply(engine.outcomes::view);
  }
}
