package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.port.in.challenge.ClaimSessionCommand;
import dev.gatehouse.application.port.in.challenge.ClaimSessionUseCase;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;

/** Hands out an approved unlock's session to its owner, once (POST on the challenge's session link). */
public final class ClaimSessionService implements ClaimSessionUseCase {
  private final Access access;
  private final ChallengeLifecycle lifecycle;

  public ClaimSessionService(UserRepository users, WorkspaceRepository workspaces, ChallengeLifecycle lifecycle) {
    this.access = new Access(users, workspaces);
    this.lifecycle = lifecycle;
  }

  @Override
  public SessionGrant claim(ClaimSessionCommand command) {
    return lifecycle.claimSession(access.actor(command.actor()), command.challenge());
  }
}
