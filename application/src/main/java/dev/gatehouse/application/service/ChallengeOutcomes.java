package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.SessionGrant;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.ChallengeRepository;
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
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one place where challenges change state: every transition is applied to the stored
 * challenge under optimistic locking, with its consequences (device activation, cooldown,
 * suspension, audit) in the same unit of work, so two nodes finishing one challenge end in
 * exactly one outcome.
 */
final class ChallengeOutcomes {
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
  private final Clock clock;
  private final Telemetry telemetry;

  ChallengeOutcomes(ChallengeRepository challenges, UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies, DeviceChoiceRepository choices, AccessGuardRepository guards,
      SessionIssuer sessions, SessionRevocation revocation, AuditLog audit, Transactions transactions,
      Clock clock, Telemetry telemetry) {
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
    this.clock = clock;
    this.telemetry = telemetry;
  }

  /** The challenge, if the actor owns it. */
  Challenge owned(User actor, ChallengeId id) {
    Challenge challenge = find(id);
    if (!challenge.isOwnedBy(actor.name())) {
      throw new AccessDeniedException("challenge " + id + " belongs to someone else");
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
    ConflictException lastConflict = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        boolean[] settledHere = new boolean[1];
        Challenge result = transactions.write(() -> {
          Challenge current = challenges.find(id)
              .orElseThrow(() -> new NotFoundException("no challenge " + id));
          if (current.state().isFinal()) {
            return current;
          }
          Challenge next = change.apply(current);
          if (next.equals(current)) {
            return current;
          }
          Challenge stored = challenges.update(next);
          consequences(current, stored);
          settledHere[0] = stored.state().isFinal();
          return stored;
        });
        // Reported once committed, by the one request (or node) whose change settled it.
        if (settledHere[0]) {
          telemetry.challengeSettled(result.purpose(), result.state(),
              Duration.between(result.createdAt(), clock.instant()));
        }
        return result;
      } catch (ConflictException e) {
        lastConflict = e;
      }
    }
    throw lastConflict;
  }

  /**
   * Applies what Duo reported about the challenge's transaction. An approval for a member who
   * lost access meanwhile (removed from the workspace, suspended, locked out) denies instead.
   */
  Challenge apply(ChallengeId id, AuthStatus status) {
    if (status instanceof AuthStatus.Allowed allowed) {
      return transition(id, c -> revocation(c, clock.instant())
          .map(r -> c.deny(r.reason(), r.message()))
          .orElseGet(() -> c.approve(allowed.message())));
    }
    if (status instanceof AuthStatus.Denied denied) {
      return transition(id, c -> c.deny(denied.reason(), denied.message()));
    }
    AuthStatus.Waiting waiting = (AuthStatus.Waiting) status;
    return transition(id, c -> {
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
    });
  }

  /**
   * Applies Duo's answer to a passcode typed for the challenge. An accepted passcode settles the
   * challenge, in place of a push or call still waiting (push or passcode, whichever comes first);
   * an approval for a member who lost access meanwhile denies instead.
   */
  Challenge applyPasscode(ChallengeId id, AuthStatus status) {
    if (status instanceof AuthStatus.Allowed allowed) {
      return transition(id, c -> revocation(c, clock.instant())
          .map(r -> c.deny(r.reason(), r.message()))
          .orElseGet(() -> c.approveByPasscode(allowed.message())));
    }
    return apply(id, status);
  }

  /** Duo failed after the challenge started: the challenge fails, it never grants. */
  Challenge applyFailure(ChallengeId id, RuntimeException failure) {
    String message;
    if (failure instanceof SecondFactorUnavailableException unavailable) {
      message = DuoFailures.describe(unavailable);
    } else if (failure instanceof SecondFactorRejectedException rejected) {
      message = DuoFailures.describe(rejected);
    } else {
      throw failure;
    }
    return transition(id, c -> c.fail(StatusMessage.of(message)));
  }

  /** Expires a challenge past its expiry, and fails a push or call whose start was interrupted. */
  Challenge expireIfDue(Challenge challenge) {
    Instant now = clock.instant();
    if (challenge.isDue(now)) {
      return transition(challenge.id(), c -> c.isDue(now) ? c.expire(now) : c);
    }
    if (challenge.isStranded(now)) {
      return transition(challenge.id(), c -> c.isStranded(now)
          ? c.fail(StatusMessage.of("The request to Duo was interrupted; try again")) : c);
    }
    return challenge;
  }

  /**
   * The owner's view of the challenge; the first read of an approved unlock opens the session
   * and carries its token, exactly once, and only if the owner still has access: still a member,
   * neither suspended nor locked out. Otherwise no session is issued and the view says why.
   */
  ChallengeView view(Challenge challenge) {
    Workspace workspace = workspaceOf(challenge);
    Challenge current = challenge;
    Optional<SessionGrant> grant = Optional.empty();
    StatusMessage message = challenge.statusMessage();
    if (challenge.canIssueSession()) {
      try {
        Challenge[] issued = new Challenge[1];
        StatusMessage[] refusal = new StatusMessage[1];
        grant = transactions.write(() -> {
          Challenge fresh = challenges.find(challenge.id()).orElseThrow();
          issued[0] = fresh;
          if (!fresh.canIssueSession()) {
            return Optional.<SessionGrant>empty();
          }
          Instant now = clock.instant();
          Optional<Revocation> revoked = revocation(fresh, now);
          if (revoked.isPresent()) {
            refusal[0] = StatusMessage.of("Approved, but no session was issued: " + revoked.get().message());
            audit.append(AuditEvent.of(AuditEventType.ACCESS_DENIED, now).actor(fresh.user())
                .workspace(workspace.name()).method(fresh.selection().method())
                .outcome(revoked.get().reason().wireName())
                .detail("unlock: " + refusal[0]).build());
            return Optional.<SessionGrant>empty();
          }
          issued[0] = challenges.update(fresh.markSessionIssued());
          return Optional.of(sessions.issue(workspace, fresh.user(), GrantKind.DUO_APPROVED,
              options(workspace).sessionLifetime()));
        });
        current = issued[0];
        message = refusal[0] != null ? refusal[0] : current.statusMessage();
        if (grant.isPresent()) {
          telemetry.unlockGranted(GrantKind.DUO_APPROVED);
        }
      } catch (ConflictException e) {
        current = find(challenge.id());
        message = current.statusMessage();
      }
    }
    return new ChallengeView(current.id(), workspace.name(), current.purpose(), current.selection(),
        current.state(), current.denialReason(), message, current.expiresAt(),
        current.remainingPasscodeAttempts(), grant, current.verificationCode(),
        current.state().isFinal() ? Optional.of(current.settledBy()) : Optional.empty());
  }

  /**
   * Cancels every open challenge of a member for a workspace (the member was removed from it).
   * Call inside the unit of work that removes the member.
   */
  void cancelOpen(WorkspaceId workspace, UserName user, StatusMessage why) {
    for (Challenge open : challenges.findOpen(workspace, user)) {
      transition(open.id(), c -> c.deny(DenialReason.CANCELLED, why));
    }
  }

  /**
   * Why the challenge's owner may no longer be let in, if so: read in the caller's unit of work,
   * so an approval or a session never outruns a removal, a suspension or a lockout.
   */
  private Optional<Revocation> revocation(Challenge challenge, Instant now) {
    if (users.find(challenge.user()).filter(User::isDisabled).isPresent()) {
      return Optional.of(new Revocation(DenialReason.CANCELLED, StatusMessage.of("Your user was disabled")));
    }
    boolean member = workspaces.roleOf(challenge.workspace(), challenge.user()).isPresent();
    if (!member) {
      return Optional.of(new Revocation(DenialReason.CANCELLED,
          StatusMessage.of("You are no longer a member of this workspace")));
    }
    Optional<AccessGuard> guard = guards.find(challenge.workspace(), challenge.user());
    if (guard.filter(AccessGuard::isSuspended).isPresent()) {
      return Optional.of(new Revocation(DenialReason.LOCKED_OUT,
          StatusMessage.of("Access is suspended after a fraud report; an administrator must clear it")));
    }
    if (guard.filter(g -> g.isLockedOut(now)).isPresent()) {
      return Optional.of(new Revocation(DenialReason.LOCKED_OUT,
          StatusMessage.of("Too many wrong passcodes; try again later")));
    }
    return Optional.empty();
  }

  /** Why access was withdrawn after a challenge started. */
  private record Revocation(DenialReason reason, StatusMessage message) {}

  private void consequences(Challenge before, Challenge after) {
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
        .outcome(outcomeOf(after)).detail(purposeOf(after) + ": " + after.statusMessage() + superseded);
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
          || reason == DenialReason.CANCELLED && after.selection().method().sendsToDevice()) {
        // A cancelled request starts the cooldown too, so unlock/cancel loops cannot send
        // unlimited pushes, calls or SMS.
        guards.save(guard.afterDenial(now, options(workspace).pushCooldown()));
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

  private MfaOptions options(Workspace workspace) {
    MfaPolicy policy = policies.find(workspace.id());
    return policy instanceof MfaPolicy.Duo duo ? duo.options() : MfaOptions.DEFAULTS;
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

  private static String purposeOf(Challenge challenge) {
    return describe(challenge.purpose());
  }

  /** The purpose in the words of the audit trail. */
  static String describe(ChallengePurpose purpose) {
    return switch (purpose) {
      case UNLOCK -> "unlock";
      case VERIFY_DEVICE -> "verify device";
      case STEP_UP -> "step-up";
    };
  }
}
