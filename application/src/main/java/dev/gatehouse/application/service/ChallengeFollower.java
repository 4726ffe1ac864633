package dev.gatehouse.application.service;

import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.MfaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Follows a pending push or call with Duo's own long poll ({@link SecondFactorGateway#awaitStatus})
 * and stores every status through {@link ChallengeOutcomes}, until the challenge is final, the
 * deadline (never later than the challenge's expiry) has passed, or the poll budget is spent. No
 * thread waits meanwhile: each step is chained on the gateway's {@link CompletionStage}.
 *
 * <p>It never issues a session: it only changes the stored challenge. Sessions are issued by
 * {@link ChallengeOutcomes#view} on the owner's read. Used by {@link GetChallengeService} while a
 * client reads, and by {@link ChallengeStarter} in the background once a push or call started, so
 * a denial or fraud report is recorded even if nobody polls.
 */
final class ChallengeFollower {
  private final ChallengeOutcomes outcomes;
  private final MfaPolicyRepository policies;
  private final SecondFactorGateway gateway;
  private final Clock clock;

  ChallengeFollower(ChallengeOutcomes outcomes, MfaPolicyRepository policies, SecondFactorGateway gateway,
      Clock clock) {
    this.outcomes = outcomes;
    this.policies = policies;
    this.gateway = gateway;
    this.clock = clock;
  }

  /**
   * Follows the challenge until it is no longer pending, {@code deadline} or its expiry has
   * passed (by the clock), or {@code maxPolls} long polls were made (a gateway that answers
   * "waiting" at once cannot make it spin). Completes with the stored challenge; fails only when
   * storage fails or the gateway fails with something other than a Duo failure.
   */
  CompletionStage<Challenge> follow(Challenge challenge, Instant deadline, int maxPolls) {
    return follow(challenge, deadline, maxPolls, false);
  }

  /**
   * Follows the challenge for a reader: as {@link #follow(Challenge, Instant, int)}, but also
   * completes as soon as a Verified Duo Push's code appears or changes, since the member must see
   * it while the push waits.
   */
  CompletionStage<Challenge> followForReader(Challenge challenge, Instant deadline, int maxPolls) {
    return follow(challenge, deadline, maxPolls, true);
  }

  private CompletionStage<Challenge> follow(Challenge challenge, Instant deadline, int maxPolls,
      boolean untilNewCode) {
    Challenge current = outcomes.expireIfDue(challenge);
    Instant now = clock.instant();
    if (current.state() != ChallengeState.PENDING || current.duoTransaction().isEmpty()
        || !now.isBefore(deadline) || maxPolls <= 0) {
      return CompletableFuture.completedFuture(current);
    }
    MfaPolicy policy = Transactions.read(() -> policies.find(current.workspace()));
    if (!(policy instanceof MfaPolicy.Duo duo)) {
      return CompletableFuture.completedFuture(outcomes.transition(current.id(),
          c -> c.fail(StatusMessage.of("Duo is no longer configured for this workspace"))));
    }
    Instant until = deadline.isBefore(current.expiresAt()) ? deadline : current.expiresAt();
    Duration wait = Duration.between(now, until);
    return gateway.awaitStatus(duo.settings(), current.duoTransaction().orElseThrow(), wait)
        .handle((status, error) -> error == null
            ? apply(current, status)
            : outcomes.applyFailure(current.id(), unwrap(error)))
        .thenCompose(next -> untilNewCode && next.verificationCode().isPresent()
            && !next.verificationCode().equals(current.verificationCode())
            ? CompletableFuture.completedFuture(next)
            : follow(next, deadline, maxPolls - 1, untilNewCode));
  }

  private Challenge apply(Challenge challenge, AuthStatus status) {
    return outcomes.apply(challenge.id(), status);
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    throw new CompletionException(cause);
  }
}
