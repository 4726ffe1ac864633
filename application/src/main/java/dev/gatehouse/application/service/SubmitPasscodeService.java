package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.SubmitPasscodeCommand;
import dev.gatehouse.application.port.in.SubmitPasscodeUseCase;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Verifies a passcode typed for a challenge. Wrong passcodes count against the challenge (five)
 * and against the member in the workspace (ten in fifteen minutes, then a temporary lock). A Duo
 * failure here fails the challenge: a passcode is never accepted by failmode.
 */
public final class SubmitPasscodeService implements SubmitPasscodeUseCase {
  private final ChallengeEngine engine;

  public SubmitPasscodeService(GatehousePorts ports) {
    this.engine = new ChallengeEngine(ports);
  }

  @Override
  public ChallengeView submit(SubmitPasscodeCommand command) {
    User actor = engine.access.actor(command.actor());
    Challenge challenge = engine.outcomes.expireIfDue(engine.outcomes.owned(actor, command.challenge()));
    if (challenge.state() != ChallengeState.AWAITING_PASSCODE) {
      throw new ConflictException("challenge " + challenge.id() + " is "
          + challenge.state().name().toLowerCase(Locale.ROOT) + ", not awaiting a passcode");
    }
    Instant now = engine.ports.clock().instant();
    Optional<AccessGuard> guard = Transactions.read(
        () -> engine.ports.guards().find(challenge.workspace(), actor.name()));
    if (guard.filter(g -> g.isSuspended() || g.isLockedOut(now)).isPresent()) {
      return engine.outcomes.view(engine.outcomes.transition(challenge.id(),
          c -> c.deny(DenialReason.LOCKED_OUT, StatusMessage.of(guard.get().isSuspended()
              ? "Access is suspended after a fraud report" : "Too many wrong passcodes; try again later"))));
    }
    Workspace workspace = engine.outcomes.workspaceOf(challenge);
    MfaPolicy.Duo duo = DuoPolicies.require(engine.ports, workspace);
    AuthStatus status;
    try {
      status = engine.ports.secondFactor().verifyPasscode(duo.settings(), actor.duoUsername(),
          command.passcode(), command.client());
    } catch (SecondFactorUnavailableException | SecondFactorRejectedException e) {
      return engine.outcomes.view(engine.outcomes.applyFailure(challenge.id(), e));
    }
    if (status instanceof AuthStatus.Denied denied && denied.reason() == DenialReason.DENIED) {
      return engine.outcomes.view(wrongPasscode(actor, workspace, challenge, denied.message()));
    }
    if (status instanceof AuthStatus.Waiting waiting) {
      // A passcode answer is final; "waiting" here is an answer Gatehouse cannot use.
      return engine.outcomes.view(engine.outcomes.transition(challenge.id(),
          c -> c.fail(StatusMessage.of("Duo gave no final answer to the passcode: " + waiting.message()))));
    }
    return engine.outcomes.view(engine.outcomes.apply(challenge.id(), status));
  }

  private Challenge wrongPasscode(User actor, Workspace workspace, Challenge challenge, StatusMessage message) {
    return engine.transactions.write(() -> {
      Instant now = engine.ports.clock().instant();
      Challenge rejected = engine.outcomes.transition(challenge.id(), c -> c.rejectPasscode(message));
      AccessGuard guard = engine.ports.guards().find(workspace.id(), actor.name())
          .orElse(AccessGuard.clear(workspace.id(), actor.name()))
          .afterWrongPasscode(now);
      engine.ports.guards().save(guard);
      engine.ports.audit().append(AuditEvent.of(AuditEventType.PASSCODE_REJECTED, now).actor(actor.name())
          .workspace(workspace.name()).method(challenge.selection().method()).outcome("rejected")
          .detail(rejected.remainingPasscodeAttempts() + " attempts left on this challenge").build());
      if (!guard.isLockedOut(now)) {
        return rejected;
      }
      engine.ports.audit().append(AuditEvent.of(AuditEventType.PASSCODE_LOCKOUT, now).actor(actor.name())
          .workspace(workspace.name()).outcome("locked")
          .detail("too many wrong passcodes; locked until " + guard.lockedUntil().orElseThrow()).build());
      return engine.outcomes.transition(challenge.id(), c -> c.deny(DenialReason.LOCKED_OUT,
          StatusMessage.of("Too many wrong passcodes; try again later")));
    });
  }
}
