package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.CancelChallengeCommand;
import dev.gatehouse.application.port.in.CancelChallengeUseCase;
import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.user.User;
import java.util.Locale;

/** Cancels its owner's open challenge (Ctrl-C on the command line, DELETE over REST). */
public final class CancelChallengeService implements CancelChallengeUseCase {
  private final ChallengeEngine engine;

  public CancelChallengeService(GatehousePorts ports) {
    this.engine = new ChallengeEngine(ports);
  }

  @Override
  public ChallengeView cancel(CancelChallengeCommand command) {
    User actor = engine.access.actor(command.actor());
    Challenge challenge = engine.outcomes.expireIfDue(engine.outcomes.owned(actor, command.challenge()));
    if (challenge.state().isFinal()) {
      throw new ConflictException("challenge " + challenge.id() + " is already "
          + challenge.state().name().toLowerCase(Locale.ROOT));
    }
    return engine.outcomes.view(engine.outcomes.transition(challenge.id(), Challenge::cancel));
  }
}
