package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.NotFoundException;
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
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Verifies a passcode typed for a challenge: one awaiting a passcode, or a push or call still
 * waiting, which the passcode then settles in its place if Duo accepts it first (the challenge row's
 * optimistic versioning lets exactly one outcome win). Each passcode is counted before Duo sees it, on the
 * challenge (five) and on the member in the workspace (ten in fifteen minutes, then a temporary
 * lock), so concurrent submissions cannot outrun the limits; a passcode Duo accepts is given back
 * to the member. A Duo failure here fails the challenge: a passcode is never accepted by failmode.
 */
public final class SubmitPasscodeService implements SubmitPasscodeUseCase {
  private static final int ATTEMPTS = 3;
  private static final StatusMessage SUSPENDED =
      StatusMessage.of("Access is suspended after a fraud report");
  private static final StatusMessage LOCKED = StatusMessage.of("Too many wrong passcodes; try again later");

  private final ChallengeEngine engine;

  public SubmitPasscodeService(GatehousePorts ports) {
    this.engine = new ChallengeEngine(ports);
  }

  @Override
  public ChallengeView submit(SubmitPasscodeCommand command) {
    User actor = engine.access.actor(command.actor());
    Challenge challenge = engine.outcomes.expireIfDue(engine.outcomes.owned(actor, command.challenge()));
    requireAcceptsPasscode(challenge);
    Workspace workspace = engine.outcomes.workspaceOf(challenge);
    MfaPolicy.Duo duo = DuoPolicies.require(engine.ports, workspace);
    Reservation reservation = reserve(actor, workspace, challenge.id());
    if (reservation.refused().isPresent()) {
      return engine.outcomes.view(reservation.refused().get());
    }
    AuthStatus status;
    try {
      status = engine.ports.secondFactor().verifyPasscode(duo.settings(), actor.duoUsername(),
          command.passcode(), command.client());
    } catch (SecondFactorUnavailableException | SecondFactorRejectedException e) {
      // The passcode stays counted: its fate at Duo is unknown.
      return engine.outcomes.view(engine.outcomes.applyFailure(challenge.id(), e));
    }
    if (status instanceof AuthStatus.Denied denied && denied.reason() == DenialReason.DENIED) {
      return engine.outcomes.view(wrongPasscode(actor, workspace, challenge, reservation.at(), denied.message()));
    }
    if (status instanceof AuthStatus.Waiting waiting) {
      // A passcode answer is final; "waiting" here is an answer Gatehouse cannot use.
      return engine.outcomes.view(engine.outcomes.transition(challenge.id(),
          c -> c.fail(StatusMessage.of("Duo gave no final answer to the passcode: " + waiting.message()))));
    }
    if (status instanceof AuthStatus.Allowed) {
      // A right passcode does not count towards the member's lockout.
      return engine.outcomes.view(engine.transactions.write(() -> {
        engine.ports.guards().find(workspace.id(), actor.name())
            .ifPresent(g -> engine.ports.guards().save(g.releasePasscodeAttempt(reservation.at())));
        return engine.outcomes.applyPasscode(challenge.id(), status);
      }));
    }
    return engine.outcomes.view(engine.outcomes.applyPasscode(challenge.id(), status));
  }

  /**
   * Counts the passcode on the challenge (version-checked, which also orders concurrent
   * submissions to one challenge) and on the member's guard, in one unit of work, before Duo is
   * asked. A suspended or locked-out member, or one whose window fills up now, is refused and the
   * challenge denied; a challenge whose attempts are all counted refuses more.
   */
  private Reservation reserve(User actor, Workspace workspace, ChallengeId id) {
    ConflictException lost = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return engine.transactions.write(() -> {
          Instant now = engine.ports.clock().instant();
          Challenge current = engine.ports.challenges().find(id)
              .orElseThrow(() -> new NotFoundException("no challenge " + id));
          requireAcceptsPasscode(current);
          if (!current.hasPasscodeAttemptLeft()) {
            throw new ConflictException("challenge " + id
                + " has no passcode attempts left while earlier passcodes are being verified");
          }
          engine.ports.challenges().update(current.reservePasscodeAttempt());
          AccessGuard guard = engine.ports.guards().find(workspace.id(), actor.name())
              .orElse(AccessGuard.clear(workspace.id(), actor.name()));
          if (guard.isSuspended() || guard.isLockedOut(now)) {
            return Reservation.refused(lockOut(id, guard.isSuspended() ? SUSPENDED : LOCKED));
          }
          AccessGuard counted = guard.reservePasscodeAttempt(now);
          engine.ports.guards().save(counted);
          if (counted.isLockedOut(now)) {
            auditLockout(actor, workspace, counted);
            return Reservation.refused(lockOut(id, LOCKED));
          }
          return Reservation.at(now);
        });
      } catch (ConflictException e) {
        lost = e;
      }
    }
    throw lost;
  }

  private Challenge wrongPasscode(User actor, Workspace workspace, Challenge challenge, Instant reservedAt,
      StatusMessage message) {
    return engine.transactions.write(() -> {
      Instant now = engine.ports.clock().instant();
      Challenge rejected = engine.outcomes.transition(challenge.id(), c -> c.rejectPasscode(message));
      AccessGuard before = engine.ports.guards().find(workspace.id(), actor.name())
          .orElse(AccessGuard.clear(workspace.id(), actor.name()).reservePasscodeAttempt(reservedAt));
      AccessGuard guard = before.afterReservedPasscodeWasWrong(now);
      engine.ports.guards().save(guard);
      engine.ports.audit().append(AuditEvent.of(AuditEventType.PASSCODE_REJECTED, now).actor(actor.name())
          .workspace(workspace.name()).method(challenge.selection().method()).outcome("rejected")
          .detail(rejected.remainingPasscodeAttempts() + " attempts left on this challenge").build());
      if (!guard.isLockedOut(now)) {
        return rejected;
      }
      if (!before.isLockedOut(now)) {
        auditLockout(actor, workspace, guard);
      }
      return lockOut(challenge.id(), LOCKED);
    });
  }

  private Challenge lockOut(ChallengeId id, StatusMessage message) {
    return engine.outcomes.transition(id, c -> c.deny(DenialReason.LOCKED_OUT, message));
  }

  private void auditLockout(User actor, Workspace workspace, AccessGuard guard) {
    engine.ports.audit().append(AuditEvent.of(AuditEventType.PASSCODE_LOCKOUT, engine.ports.clock().instant())
        .actor(actor.name()).workspace(workspace.name()).outcome("locked")
        .detail("too many wrong passcodes; locked until " + guard.lockedUntil().orElseThrow()).build());
  }

  private static void requireAcceptsPasscode(Challenge challenge) {
    if (!challenge.acceptsPasscode()) {
      throw new ConflictException("challenge " + challenge.id() + " is "
          + challenge.state().name().toLowerCase(Locale.ROOT) + ", not awaiting a passcode");
    }
  }

  /** A passcode counted at {@code at}, or the challenge as denied when the member may not try. */
  private record Reservation(Instant at, Optional<Challenge> refused) {
    static Reservation at(Instant at) {
      return new Reservation(at, Optional.empty());
    }

    static Reservation refused(Challenge denied) {
      return new Reservation(null, Optional.of(denied));
    }
  }
}
