package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.challenge.GetChallengeUseCase;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.concurrent.CompletionStage;

/**
 * Reads a challenge for its owner, waiting up to the caller's bound until it ends or a Verified Duo
 * Push's code appears. Reading never changes the challenge and never asks Duo: the one process that
 * follows it does, and its changes wake the reader.
 */
public final class GetChallengeService implements GetChallengeUseCase {
  private final Access access;
  private final ChallengeLifecycle lifecycle;

  public GetChallengeService(UserRepository users, WorkspaceRepository workspaces, ChallengeLifecycle lifecycle) {
    this.access = new Access(users, workspaces);
    this.lifecycle = lifecycle;
  }

  @Override
  public CompletionStage<ChallengeView> get(GetChallengeQuery query) {
    User actor = access.actor(query.actor());
    // Listen before reading: a change between the read and the wait wakes this reader too.
    ChallengeWatch.Listening listening = lifecycle.listen(query.challenge(), query.maxWait());
    try {
      Challenge challenge = lifecycle.owned(actor, query.challenge());
      WorkspaceName workspace = lifecycle.view(challenge).workspace();
      return lifecycle.awaitChange(challenge, listening).thenApply(current -> lifecycle.view(current, workspace));
    } catch (RuntimeException e) {
      listening.cancel();
      throw e;
    }
  }
}
