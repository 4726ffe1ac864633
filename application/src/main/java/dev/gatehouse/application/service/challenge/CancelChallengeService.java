package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.port.in.challenge.CancelChallengeCommand;
import dev.gatehouse.application.port.in.challenge.CancelChallengeUseCase;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.user.User;
import java.util.Locale;

/** Cancels its owner's open challenge (Ctrl-C on the command line, DELETE over REST). */
public final class CancelChallengeService implements CancelChallengeUseCase {
  private final Access access;
  private final ChallengeLifecycle lifecycle;

  public CancelChallengeService(UserRepository users, WorkspaceRepository workspaces, ChallengeLifecycle lifecycle) {
    this.access = new Access(users, workspaces);
    this.lifecycle = lifecycle;
  }

  @Override
  public ChallengeView cancel(CancelChallengeCommand command) {
    User actor = access.actor(command.actor());
    Challenge challenge = lifecycle.expireIfDue(lifecycle.owned(actor, command.challenge()));
    if (challenge.state().isFinal()) {
      throw new ConflictException("challenge " + challenge.id() + " is already "
          + challenge.state().name().toLowerCase(Locale.ROOT));
    }
    return lifecycle.view(lifecycle.transition(challenge.id(), Challenge::cancel));
  }
}
