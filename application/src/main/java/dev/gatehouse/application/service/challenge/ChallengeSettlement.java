package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.service.common.SessionRevocation;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ChallengeSignals;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.MemberStanding;
import dev.gatehouse.domain.challenge.Restriction;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one place where stored challenges change state: every transition is applied under
 * optimistic locking, with its consequences (device activation, cooldown, suspension, audit) in the
 * same unit of work, so two nodes finishing one challenge end in exactly one outcome; each committed
 * change is announced through {@link ChallengeSignals}. Part of {@link ChallengeLifecycle}.
 */
final class ChallengeSettlement {
  private static final int ATTEMPTS = 3;

  private final ChallengeRepository challenges;
  private final UserRepository users;
  private final WorkspaceRepository workspaces;
  private final MfaPolicyRepository policies;
  private final DeviceChoiceRepository choices;
  private final AccessGuardRepository guards;
  private final SessionIssuer sessions;
  private final SessionRevocation revocation;
  private final AuditLog audit;
  private final Transactions transactions;
  private final ChallengeSignals signals;
  private final Telemetry telemetry;
  private final Clock clock;

  ChallengeSettlement(ChallengeRepository challenges, UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies, DeviceChoiceRepository choices, AccessGuardRepository guards,
      SessionIssuer sessions, SessionRevocation revocation, AuditLog audit, Transactions transactions,
      ChallengeSignals signals, Telemetry telemetry, Clock clock) {
    this.challenges = challenges;
    this.users = users;
    this.workspaces = workspaces;
    this.policies = policies;
    this.choices = choices;
    this.guards = guards;
    this.sessions = sessions;
    this.revocation = revocation;
    this.audit = audit;
    this.transactions = transactions;
    this.signals = signals;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /** The challenge, if the actor owns it. */
  Challenge owned(User actor, ChallengeId id) {
    return ownedBy(actor, find(id));
  }

  private static Challenge ownedBy(User actor, Challenge challenge) {
    if (!challenge.isOwnedBy(actor.name())) {
      throw new AccessDeniedException("challenge " + challenge.id() + " belongs to someone else");
    }
    return challenge;
  }

  Challenge find(ChallengeId id) {
    return Transactions.read(() -> challenges.find(id))
        .orElseThrow(() -> new NotFoundException("no challenge " + id));
  }

  /**
   * Applies a change to the stored challenge. When the stored challenge is already final (another
   * request or node finished it) it is returned unchanged; a lost optimistic race is retried on
   * the fresh state.
   */
  Challenge transition(ChallengeId id, UnaryOperator<Challenge> change) {
    return transition(id, Optional.empty(), change, true);
  }

  /**
   * As {@link #transition(ChallengeId, UnaryOperator)}, from the state the caller holds (just stored
   * or last seen): it is not read again first, since the optimistic update fails if it is no longer
   * the stored state, and the change is then applied to the stored state as usual.
   */
  Challenge transition(Challenge known, UnaryOperator<Challenge> change) {
    return transition(known.id(), Optional.of(known), change, true);
  }

  private Challenge transition(ChallengeId id, Optional<Challenge> known, UnaryOperator<Challenge> change,
      boolean cooldownOnCancel) {
    ConflictException lastConflict = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Challenge> seen = attempt == 0 ? known : Optional.empty();
      try {
        boolean[] changedHere = new boolean[1];
        Challenge result = transactions.write(() -> {
          Challenge current = seen.isPresent() ? seen.get() : challenges.find(id)
              .orElseThrow(() -> new NotFoundException("no challenge " + id));
          if (current.state().isFinal()) {
            return current;
          }
          Challenge next = change.apply(current);
          if (next.equals(current)) {
            return current;
          }
          Challenge stored = challenges.update(next);
          consequences(current, stored, cooldownOnCancel);
          changedHere[0] = true;
          return stored;
        });
        if (changedHere[0]) {
          // Announced once committed, by the one request (or node) whose change it was.
          signals.publish(id);
          if (result.state().isFinal()) {
            telemetry.challengeSettled(result.purpose(), result.state(),
                Duration.between(result.createdAt(), clock.instant()));
          }
        }
        return result;
      } catch (ConflictException e) {
        lastConflict = e;
      }
    }
    throw lastConflict;
  }

  /**
   * Applies what Duo reported about the challenge's transaction, from the state the follower last
   * saw (a "waiting" that tells it nothing new costs no statement). An approval for a member who
   * lost access meanwhile (disabled, removed, suspended, locked out) denies instead, with the reason.
   */
  Challenge apply(Challenge known, AuthStatus status) {
    return apply(known.id(), Optional.of(known), status);
  }

  private Challenge apply(ChallengeId id, Optional<Challenge> known, AuthStatus status) {
    if (status instanceof AuthStatus.Allowed allowed) {
      return transition(id, known, c -> restriction(c).map(r -> c.deny(r.denialReason(), StatusMessage.NONE))
          .orElseGet(() -> c.approve(allowed.message())), true);
    }
    if (status instanceof AuthStatus.Denied denied) {
      return transition(id, known, c -> c.deny(denied.reason(), denied.message()), true);
    }
    AuthStatus.Waiting waiting = (AuthStatus.Waiting) status;
    return transition(id, known, c -> {
      if (c.state() != ChallengeState.PENDING) {
        return c;
      }
      // Only a push shows a code; a code Duo reports for a call is not one the member can use.
      Optional<VerificationCode> code = waiting.verificationCode()
          .filter(x -> c.selection().method() == DuoMethod.PUSH);
      boolean newMessage = !waiting.message().isEmpty() && !c.statusMessage().equals(waiting.message());
      boolean newCode = code.isPresent() && !code.equals(c.verificationCode());
      if (!newMessage && !newCode) {
        return c;
      }
      return c.progress(newMessage ? waiting.message() : c.statusMessage(), code);
    }, true);
  }

  /**
   * Applies Duo's answer to a passcode typed for the challenge. An accepted passcode settles the
   * challenge, in place of a push or call still waiting (push or passcode, whichever comes first);
   * an approval for a member who lost access meanwhile denies instead.
   */
  Challenge applyPasscode(ChallengeId id, AuthStatus status) {
    if (status instanceof AuthStatus.Allowed allowed) {
      return transition(id, c -> restriction(c).map(r -> c.deny(r.denialReason(), StatusMessage.NONE))
          .orElseGet(() -> c.approveByPasscode(allowed.message())));
    }
    return apply(id, Optional.empty(), status);
  }

  /** Duo failed after the challenge started: the challenge fails, it never grants. */
  Challenge applyFailure(ChallengeId id, RuntimeException failure) {
    EndCode why;
    if (failure instanceof SecondFactorUnavailableException) {
      why = EndCode.DUO_UNAVAILABLE;
    } else if (failure instanceof SecondFactorRejectedException rejected) {
      why = DuoFailures.endCode(rejected);
    } else {
      throw failure;
    }
    return transition(id, c -> c.fail(why, DuoFailures.report(failure)));
  }

  /** Expires a challenge past its expiry, and fails a push or call whose start was interrupted. */
  Challenge expireIfDue(Challenge challenge) {
    Instant now = clock.instant();
    if (challenge.isDue(now)) {
      return transition(challenge.id(), c -> c.isDue(now) ? c.expire(now) : c);
    }
    if (challenge.isStranded(now)) {
      return transition(challenge.id(), c -> c.isStranded(now)
          ? c.fail(EndCode.INTERRUPTED, StatusMessage.NONE) : c);
    }
    return challenge;
  }

  /** The owner's view of the challenge. Reading never changes it. */
  ChallengeView view(Challenge challenge, WorkspaceName workspace) {
    return new ChallengeView(challenge.id(), workspace, challenge.purpose(), challenge.selection(),
        challenge.state(), challenge.denialReason(), challenge.statusMessage(), challenge.expiresAt(),
        challenge.remainingPasscodeAttempts(), challenge.canIssueSession(), challenge.verificationCode(),
        challenge.state().isFinal() ? Optional.of(challenge.settledBy()) : Optional.empty(), challenge.endCode());
  }

  ChallengeView view(Challenge challenge) {
    return view(challenge, workspaceOf(challenge).name());
  }

  /**
   * Opens the session of the actor's approved unlock, exactly once, and only if they still have
   * access; otherwise the refusal is audited and thrown.
   */
  SessionGrant claimSession(User actor, ChallengeId id) {
    // Read once, in the unit of work that issues the session: ownership, state and access together.
    Claim claim = transactions.write(() -> {
      Challenge fresh = ownedBy(actor, challenges.find(id)
          .orElseThrow(() -> new NotFoundException("no challenge " + id)));
      if (!fresh.canIssueSession()) {
        throw new ConflictException(fresh.sessionIssued()
            ? "the session of challenge " + id + " was already claimed"
            : "challenge " + id + " is " + fresh.state().name().toLowerCase(Locale.ROOT)
                + (fresh.purpose() == ChallengePurpose.UNLOCK ? "" : " and opens no session")
                + "; only an approved unlock opens a session");
      }
      Workspace workspace = workspaces.find(fresh.workspace())
          .orElseThrow(() -> new NotFoundException("the challenge's workspace no longer exists"));
      Optional<Restriction> refused = restriction(fresh);
      if (refused.isPresent()) {
        return new Claim(fresh, workspace, Optional.empty(), refused);
      }
      challenges.update(fresh.markSessionIssued());
      return new Claim(fresh, workspace, Optional.of(sessions.issue(workspace, fresh.user(), GrantKind.DUO_APPROVED,
          policies.options(workspace.id()).sessionLifetime())), refused);
    });
    if (claim.refused().isPresent()) {
      // Audited in its own unit of work: nothing else was written.
      Restriction refused = claim.refused().get();
      String why = refused.kind().name().toLowerCase(Locale.ROOT);
      transactions.write(() -> audit.append(AuditEvent.of(AuditEventType.ACCESS_DENIED, clock.instant())
          .actor(actor.name()).workspace(claim.workspace().name()).method(claim.challenge().selection().method())
          .outcome(refused.denialReason().wireName())
          .detail("unlock: approved, but no session was issued: " + why).build()));
      throw new AccessDeniedException("approved, but no session was issued: access withdrawn (" + why + ")");
    }
    telemetry.unlockGranted(GrantKind.DUO_APPROVED);
    return claim.grant().orElseThrow();
  }

  /** What a claim's unit of work found: the challenge, its workspace, and the session or why there is none. */
  private record Claim(Challenge challenge, Workspace workspace, Optional<SessionGrant> grant,
      Optional<Restriction> refused) {}

  /**
   * Cancels every open challenge of a member for a workspace ({@code member_removed}): the member
   * was removed from it. Call inside the unit of work that removes the member.
   */
  void cancelRemoved(WorkspaceId workspace, UserName user) {
    for (Challenge open : challenges.findOpen(workspace, user)) {
      transition(open.id(), c -> c.cancel(EndCode.MEMBER_REMOVED));
    }
  }

  /**
   * Ends the member's open SMS or typed-passcode challenges ({@code open}, as just read) that
   * {@code which} picks as cancelled, because they start a new one there: an abandoned passcode
   * prompt must not block them. No cooldown follows (nothing was denied at the device); counted
   * passcodes stay counted on the member. Returns the open challenges it left alone.
   */
  List<Challenge> supersedeOpenPasscodeChallenges(List<Challenge> open, Predicate<Challenge> which) {
    List<Challenge> kept = new ArrayList<>();
    for (Challenge challenge : open) {
      if (!challenge.selection().method().isOutOfBand() && which.test(challenge)) {
        transition(challenge.id(), Optional.empty(), c -> c.state().isFinal() || c.selection().method().isOutOfBand()
            ? c : c.cancel(EndCode.SUPERSEDED), false);
      } else {
        kept.add(challenge);
      }
    }
    return kept;
  }

  /** Where the user stands with the workspace, read in the caller's unit of work (if any). */
  MemberStanding standing(WorkspaceId workspace, UserName user) {
    boolean enabled = users.find(user).filter(u -> !u.isDisabled()).isPresent();
    boolean member = workspaces.roleOf(workspace, user).isPresent();
    return new MemberStanding(enabled, member, guards.find(workspace, user));
  }

  /**
   * Why the challenge's owner may no longer be let in, if so: read in the caller's unit of work,
   * so an approval or a session never outruns a removal, a suspension or a lockout.
   */
  private Optional<Restriction> restriction(Challenge challenge) {
    return standing(challenge.workspace(), challenge.user()).restrictionAt(clock.instant(), Optional.empty());
  }

  private void consequences(Challenge before, Challenge after, boolean cooldownOnCancel) {
    if (before.state() == after.state()) {
      return;
    }
    Workspace workspace = workspaceOf(after);
    Instant now = clock.instant();
    // The audit names the method that settled the challenge; the status message it quotes is the
    // final one, which never carries a verification code.
    String superseded = after.supersededByPasscode()
        ? " (settled by a passcode; the " + after.selection().method().wireName() + " was superseded)" : "";
    AuditEvent.Builder event = AuditEvent.of(typeOf(after.state()), now).actor(after.user())
        .workspace(workspace.name()).method(after.settledBy())
        .outcome(outcomeOf(after)).detail(AuditTerms.challenge(after) + superseded);
    after.duoTransaction().ifPresent(event::duoTransaction);
    audit.append(event.build());

    if (after.state() == ChallengeState.APPROVED && after.purpose() == ChallengePurpose.VERIFY_DEVICE) {
      activateChoice(workspace, after, now);
    }
    if (after.state() == ChallengeState.DENIED) {
      DenialReason reason = after.denialReason().orElseThrow();
      AccessGuard guard = guards.find(after.workspace(), after.user())
          .orElse(AccessGuard.clear(after.workspace(), after.user()));
      if (reason == DenialReason.FRAUD) {
        guards.save(guard.afterFraud(now));
        audit.append(AuditEvent.of(AuditEventType.SUSPENDED, now).subject(after.user())
            .workspace(workspace.name()).outcome("fraud")
            .detail("fraud reported on a Duo request; an administrator must clear the suspension")
            .build());
        revocation.revoke(workspace, Optional.of(after.user()), Optional.empty(),
            "access suspended after a fraud report");
      } else if (reason == DenialReason.DENIED && after.selection().method().isOutOfBand()
          || cooldownOnCancel && reason == DenialReason.CANCELLED && after.selection().method().sendsToDevice()) {
        // A cancelled request starts the cooldown too, so unlock/cancel loops cannot send
        // unlimited pushes, calls or SMS.
        guards.save(guard.afterDenial(now, policies.options(workspace.id()).pushCooldown()));
      }
    }
  }

  private void activateChoice(Workspace workspace, Challenge approved, Instant now) {
    Optional<DeviceChoice> choice = choices.find(approved.workspace(), approved.user());
    boolean stillPending = choice.flatMap(DeviceChoice::pending)
        .filter(approved.selection()::equals).isPresent();
    if (stillPending) {
      choices.save(choice.orElseThrow().activate(approved.selection(), now));
    }
    audit.append(AuditEvent.of(AuditEventType.DEVICE_ACTIVATED, now).actor(approved.user())
        .workspace(workspace.name()).method(approved.selection().method())
        .outcome(stillPending ? "activated" : "superseded")
        .detail("device " + approved.selection().device()).build());
  }

  Workspace workspaceOf(Challenge challenge) {
    return Transactions.read(() -> workspaces.find(challenge.workspace()))
        .orElseThrow(() -> new NotFoundException("the challenge's workspace no longer exists"));
  }

  private static AuditEventType typeOf(ChallengeState state) {
    return switch (state) {
      case APPROVED -> AuditEventType.CHALLENGE_APPROVED;
      case DENIED -> AuditEventType.CHALLENGE_DENIED;
      case EXPIRED -> AuditEventType.CHALLENGE_EXPIRED;
      case FAILED -> AuditEventType.CHALLENGE_FAILED;
      case PENDING, AWAITING_PASSCODE -> AuditEventType.CHALLENGE_STARTED;
    };
  }

  private static String outcomeOf(Challenge challenge) {
    return challenge.denialReason().map(DenialReason::wireName)
        .orElse(challenge.state().name().toLowerCase(Locale.ROOT));
  }
}
