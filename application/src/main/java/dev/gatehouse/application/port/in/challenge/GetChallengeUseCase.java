package dev.gatehouse.application.port.in.challenge;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Reads a challenge, waiting a bounded time for it to change; holds no thread while it waits. */
public interface GetChallengeUseCase {
  /** Never waits longer than this. */
  Duration MAX_WAIT = Duration.ofSeconds(30);

  CompletionStage<ChallengeView> get(GetChallengeQuery query);
}
