package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeCommand;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeUseCase;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.Restriction;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
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

  private final Access access;
  private final ChallengeRepository challenges;
  private final AccessGuardRepository guards;
  private final MfaPolicyRepository policies;
  private final SecondFactorGateway gateway;
  private final AuditLog audit;
  private final Transactions transactions;
  private final ChallengeLifecycle lifecycle;
  private final Clock clock;

  public SubmitPasscodeService(UserRepository users, WorkspaceRepository workspaces, ChallengeRepository challenges,
      AccessGuardRepository guards, MfaPolicyRepository policies, SecondFactorGateway gateway, AuditLog audit,
      UnitOfWork unitOfWork, ChallengeLifecycle lifecycle, Clock clock) {
    this.access = new Access(users, workspaces);
    this.challenges = challenges;
    this.guards = guards;
    this.policies = policies;
    this.gateway = gateway;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public ChallengeView submit(SubmitPasscodeCommand command) {
    User actor = access.actor(command.actor());
    Challenge challenge = lifecycle.expireIfDue(lifecycle.owned(actor, command.challenge()));
    requireAcceptsPasscode(challenge);
    Workspace workspace = Transactions.read(() -> access.workspaceOf(challenge.workspace()));
    MfaPolicy.Duo duo = DuoPolicies.require(policies, workspace);
    Reservation reservation = reserve(actor, workspace, challenge.id());
    if (reservation.refused().isPresent()) {
      return lifecycle.view(reservation.refused().get(), workspace.name());
    }
    AuthStatus status;
    try {
      status = gateway.verifyPasscode(duo.settings(), actor.duoUsername(),
          command.passcode(), command.client());
    } catch (SecondFactorUnavailableException | SecondFactorRejectedException e) {
      // The passcode stays counted: its fate at Duo is unknown.
      return lifecycle.view(lifecycle.applyFailure(challenge.id(), e));
    }
    if (status instanceof AuthStatus.Denied denied && denied.reason() == DenialReason.DENIED) {
      return lifecycle.view(wrongPasscode(actor, workspace, challenge, reservation.at(), denied.message()));
    }
    if (status instanceof AuthStatus.Waiting waiting) {
      // A passcode answer is final; "waiting" here is an answer Gatehouse cannot use.
      return lifecycle.view(lifecycle.transition(challenge.id(),
          c -> c.fail(EndCode.PASSCODE_UNANSWERED, waiting.message())));
    }
    if (status instanceof AuthStatus.Allowed) {
      // A right passcode does not count towards the member's lockout.
      return lifecycle.view(transactions.write(() -> {
        guards.find(workspace.id(), actor.name())
            .ifPresent(g -> guards.save(g.releasePasscodeAttempt(reservation.at())));
        return lifecycle.applyPasscode(challenge.id(), status);
      }));
    }
    return lifecycle.view(lifecycle.applyPasscode(challenge.id(), status));
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
        return transactions.write(() -> {
          Instant now = clock.instant();
          Challenge current = challenges.find(id)
              .orElseThrow(() -> new NotFoundException("no challenge " + id));
          requireAcceptsPasscode(current);
          if (!current.hasPasscodeAttemptLeft()) {
            throw new ConflictException("challenge " + id
                + " has no passcode attempts left while earlier passcodes are being verified");
          }
          challenges.update(current.reservePasscodeAttempt());
          AccessGuard guard = guards.find(workspace.id(), actor.name())
              .orElse(AccessGuard.clear(workspace.id(), actor.name()));
          Optional<Restriction> restricted = guard.restrictionAt(now);
          if (restricted.isPresent()) {
            return Reservation.refused(deny(id, restricted.get()));
          }
          AccessGuard counted = guard.reservePasscodeAttempt(now);
          guards.save(counted);
          if (counted.isLockedOut(now)) {
            auditLockout(actor, workspace, counted);
            return Reservation.refused(deny(id, counted.restrictionAt(now).orElseThrow()));
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
    return transactions.write(() -> {
      Instant now = clock.instant();
      Challenge rejected = lifecycle.transition(challenge.id(), c -> c.rejectPasscode(message));
      AccessGuard before = guards.find(workspace.id(), actor.name())
          .orElse(AccessGuard.clear(workspace.id(), actor.name()).reservePasscodeAttempt(reservedAt));
      AccessGuard guard = before.afterReservedPasscodeWasWrong(now);
      guards.save(guard);
      audit.append(AuditEvent.of(AuditEventType.PASSCODE_REJECTED, now).actor(actor.name())
          .workspace(workspace.name()).method(challenge.selection().method()).outcome("rejected")
          .detail(rejected.remainingPasscodeAttempts() + " attempts left on this challenge").build());
      if (!guard.isLockedOut(now)) {
        return rejected;
      }
      if (!before.isLockedOut(now)) {
        auditLockout(actor, workspace, guard);
      }
      return deny(challenge.id(), guard.restrictionAt(now).orElseThrow());
    });
  }

  /** Denies the challenge for the restriction that stops its owner now (suspension or lockout). */
  private Challenge deny(ChallengeId id, Restriction restriction) {
    return lifecycle.transition(id, c -> c.deny(restriction.denialReason(), StatusMessage.NONE));
  }

  private void auditLockout(User actor, Workspace workspace, AccessGuard guard) {
    audit.append(AuditEvent.of(AuditEventType.PASSCODE_LOCKOUT, clock.instant())
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
