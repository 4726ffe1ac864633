package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.GetChallengeQuery;
import dev.gatehouse.application.port.in.GetChallengeUseCase;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Reads a challenge for its owner. A pending push or call is followed with Duo's own long poll
 * until it changes or the caller's bounded wait ends; no thread waits meanwhile, and whatever Duo
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
    return follow(challenge, deadline, MAX_POLLS_PER_READ);
  }

  private CompletionStage<ChallengeView> follow(Challenge challenge, Instant deadline, int pollsLeft) {
    Challenge current = engine.outcomes.expireIfDue(challenge);
    Instant now = engine.ports.clock().instant();
    if (current.state() != ChallengeState.PENDING || current.duoTransaction().isEmpty()
        || !now.isBefore(deadline) || pollsLeft == 0) {
      return CompletableFuture.completedFuture(engine.outcomes.view(current));
    }
    MfaPolicy policy = Transactions.read(() -> engine.ports.policies().find(current.workspace()));
    if (!(policy instanceof MfaPolicy.Duo duo)) {
      Challenge failed = engine.outcomes.transition(current.id(),
          c -> c.fail(StatusMessage.of("Duo is no longer configured for this workspace")));
      return CompletableFuture.completedFuture(engine.outcomes.view(failed));
    }
    Instant until = deadline.isBefore(current.expiresAt()) ? deadline : current.expiresAt();
    Duration wait = Duration.between(now, until);
    return engine.ports.secondFactor()
        .awaitStatus(duo.settings(), current.duoTransaction().orElseThrow(), wait)
        .handle((status, error) -> error == null
            ? apply(current, status)
            : engine.outcomes.applyFailure(current.id(), unwrap(error)))
        .thenCompose(next -> follow(next, deadline, pollsLeft - 1));
  }

  private Challenge apply(Challenge challenge, AuthStatus status) {
    return engine.outcomes.apply(challenge.id(), status);
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    throw new CompletionException(cause);
  }
}
