package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.Denial;
import dev.gatehouse.application.port.in.DenialCode;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.PushContext;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.Restriction;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.StepUpTarget;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a Duo challenge for a member: abuse rules first, then Duo's preauth (device drift
 * included), then the challenge row (which claims the one-open push, call or SMS slot before
 * anything is sent), then the push, call or SMS batch.
 */
final class ChallengeStarter {
  /**
   * Long polls the background follow of one push or call may make: Duo answers each long poll
   * when the transaction's status changes, so a real transaction needs a handful; the bound only
   * stops a gateway that keeps answering "waiting" at once from making it spin.
   */
  static final int MAX_BACKGROUND_POLLS = 64;
  /**
   * How long starting a Verified Duo Push waits for Duo to name its code, so that the first answer
   * already shows it (Duo's first auth_status answer comes back at once, with the code).
   */
  static final Duration VERIFICATION_CODE_WAIT = Duration.ofSeconds(3);
  private static final System.Logger LOG = System.getLogger(ChallengeStarter.class.getName());

  private final ChallengeRepository challenges;
  private final AccessGuardRepository guards;
  private final SecondFactorGateway gateway;
  private final SecureTokenSource tokens;
  private final ChallengeOutcomes outcomes;
  private final ChallengeFollower follower;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  ChallengeStarter(ChallengeRepository challenges, AccessGuardRepository guards,
      SecondFactorGateway gateway, SecureTokenSource tokens, ChallengeOutcomes outcomes,
      ChallengeFollower follower, AuditLog audit, Transactions transactions, Clock clock) {
    this.challenges = challenges;
    this.guards = guards;
    this.gateway = gateway;
    this.tokens = tokens;
    this.outcomes = outcomes;
    this.follower = follower;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Starts a challenge. {@code alongside} runs in the unit of work that stores the challenge (the
   * device choice is saved there), so both are stored or neither.
   */
  StartOutcome start(User user, Workspace workspace, MfaPolicy.Duo policy, DeviceSelection selection,
      ChallengePurpose purpose, ClientContext client, Runnable alongside) {
    return start(user, workspace, policy, Optional.of(selection.device()), selection.method(), purpose, client,
        chosen -> alongside.run());
  }

  /**
   * Starts a challenge with the named device, or without one with the only device Duo lists that
   * can do the method (several refuse, listing them). {@code alongside} gets the selection and runs
   * in the unit of work that stores the challenge, so both are stored or neither.
   */
  StartOutcome start(User user, Workspace workspace, MfaPolicy.Duo policy, Optional<DeviceId> device,
      DuoMethod method, ChallengePurpose purpose, ClientContext client, Consumer<DeviceSelection> alongside) {
    return start(user, workspace, policy, device, method, purpose, Optional.empty(), client, alongside);
  }

  /**
   * Starts a step-up challenge with the member's active device, bound to revealing one entry on one
   * session. A Duo bypass or outage comes back as such; the caller refuses both.
   */
  StartOutcome startStepUp(User user, Workspace workspace, MfaPolicy.Duo policy, DeviceSelection selection,
      StepUpTarget target, ClientContext client) {
    return start(user, workspace, policy, Optional.of(selection.device()), selection.method(),
        ChallengePurpose.STEP_UP, Optional.of(target), client, chosen -> { });
  }

  private StartOutcome start(User user, Workspace workspace, MfaPolicy.Duo policy, Optional<DeviceId> device,
      DuoMethod method, ChallengePurpose purpose, Optional<StepUpTarget> target, ClientContext client,
      Consumer<DeviceSelection> alongside) {
    Optional<StartOutcome> early = restricted(user, workspace, method)
        .or(() -> alreadyOpen(user, workspace, device, method, purpose, target));
    if (early.isPresent()) {
      return refusedAudited(early.get(), user, workspace, purpose);
    }
    PreauthOutcome preauth;
    try {
      preauth = gateway.preauth(policy.settings(), user.duoUsername(), client);
    } catch (SecondFactorUnavailableException e) {
      return new StartOutcome.Unavailable(e);
    } catch (SecondFactorRejectedException e) {
      return refusedAudited(rejected(e), user, workspace, purpose);
    }
    if (preauth instanceof PreauthOutcome.Allow allow) {
      return new StartOutcome.Bypassed(allow.message());
    }
    if (preauth instanceof PreauthOutcome.Enroll enroll) {
      return refusedAudited(new StartOutcome.Refused(new Denial(DenialCode.ENROLLMENT_REQUIRED,
          enroll.message(), Optional.of(enroll.enrollmentUrl()), Optional.empty())), user, workspace, purpose);
    }
    if (!(preauth instanceof PreauthOutcome.Authenticate authenticate)) {
      // Deny, and any answer Gatehouse does not know, refuses.
      return refusedAudited(new StartOutcome.Refused(new Denial(DenialCode.DUO_DENIED,
          preauth.message(), Optional.empty(), Optional.empty())), user, workspace, purpose);
    }
    Optional<Denial> unusable = device.isPresent()
        ? unusable(authenticate.devices(), new DeviceSelection(device.get(), method))
        : unnamed(authenticate.devices(), method);
    if (unusable.isPresent()) {
      return refusedAudited(new StartOutcome.Refused(unusable.get()), user, workspace, purpose);
    }
    DeviceSelection selection = new DeviceSelection(device.orElseGet(
        () -> capable(authenticate.devices(), method).get(0).id()), method);
    // A push continues the Verified Duo Push that preauth opened, if the policy asked for one.
    Optional<DuoTransactionId> verifiedPush = selection.method() == DuoMethod.PUSH
        ? authenticate.verifiedPush() : Optional.empty();
    return begin(user, workspace, policy, selection, purpose, target, client, verifiedPush,
        () -> alongside.accept(selection));
  }

  /** Device drift: the named device is no longer listed, or can no longer do the method. */
  private static Optional<Denial> unusable(List<DuoDevice> devices, DeviceSelection selection) {
    Optional<DuoDevice> device = devices.stream().filter(d -> d.id().equals(selection.device())).findFirst();
    if (device.isPresent() && device.get().supports(selection.method())) {
      return Optional.empty();
    }
    String why = device.isEmpty()
        ? "Duo no longer lists device " + selection.device() + "; choose a device again"
        : "device " + selection.device() + " cannot do " + selection.method().wireName()
            + " any more; choose a device or method again";
    return Optional.of(Denial.of(DenialCode.DEVICE_NOT_AVAILABLE, why));
  }

  /** No device named: fine when exactly one can do the method; none or several are refused. */
  private static Optional<Denial> unnamed(List<DuoDevice> devices, DuoMethod method) {
    List<DuoDevice> capable = capable(devices, method);
    if (capable.size() == 1) {
      return Optional.empty();
    }
    if (capable.isEmpty()) {
      return Optional.of(Denial.of(DenialCode.DEVICE_NOT_AVAILABLE,
          "none of your Duo devices can do " + method.wireName() + "; choose another method"));
    }
    return Optional.of(Denial.of(DenialCode.DEVICE_REQUIRED, "several of your Duo devices can do "
        + method.wireName() + ", name one: " + capable.stream()
            .map(d -> d.id() + " (" + d.type() + ", " + d.displayName() + ")")
            .collect(Collectors.joining(", "))));
  }

  private static List<DuoDevice> capable(List<DuoDevice> devices, DuoMethod method) {
    return devices.stream().filter(d -> d.supports(method)).toList();
  }

  private StartOutcome begin(User user, Workspace workspace, MfaPolicy.Duo policy,
      DeviceSelection selection, ChallengePurpose purpose, Optional<StepUpTarget> target, ClientContext client,
      Optional<DuoTransactionId> verifiedPush, Runnable alongside) {
    DuoMethod method = selection.method();
    StatusMessage firstMessage = switch (method) {
      case PUSH -> StatusMessage.of("Sending a Duo Push...");
      case PHONE -> StatusMessage.of("Calling your phone...");
      case SMS -> StatusMessage.of("Sending SMS passcodes...");
      case PASSCODE -> StatusMessage.of("Enter a passcode from Duo Mobile, a hardware token or a bypass code");
    };

    Instant now = clock.instant();
    ChallengeId newId = tokens.newChallengeId();
    Challenge challenge = target.isPresent()
        ? Challenge.startStepUp(newId, workspace.id(), user.name(), target.get(), selection, firstMessage, now,
            policy.options().challengeLifetime())
        : Challenge.start(newId, workspace.id(), user.name(), purpose, selection, firstMessage, now,
            policy.options().challengeLifetime());
    try {
      transactions.write(() -> {
        alongside.run();
        challenges.add(challenge);
        audit.append(AuditEvent.of(AuditEventType.CHALLENGE_STARTED, now).actor(user.name())
            .workspace(workspace.name()).method(method).outcome("started")
            .detail(ChallengeOutcomes.describe(purpose) + " with device " + selection.device()
                + target.map(t -> ", entry " + t.entry() + ", session " + t.session()).orElse(""))
            .build());
      });
    } catch (ConflictException e) {
      // Another request claimed the one open push, call or SMS for this member meanwhile.
      return alreadyOpen(user, workspace, Optional.of(selection.device()), method, purpose, target)
          .orElseThrow(() -> e);
    }
    if (method == DuoMethod.SMS) {
      return sendSms(user, workspace, policy, challenge, client);
    }
    if (!method.isOutOfBand()) {
      return new StartOutcome.Started(outcomes.view(challenge));
    }
    return sendOutOfBand(user, workspace, policy, challenge, client, verifiedPush);
  }

  /** The SMS batch is sent only once the challenge holds the member's one open-request slot. */
  private StartOutcome sendSms(User user, Workspace workspace, MfaPolicy.Duo policy, Challenge challenge,
      ClientContext client) {
    ChallengeId id = challenge.id();
    try {
      StatusMessage sent = gateway.sendSmsPasscodes(policy.settings(), user.duoUsername(),
          challenge.selection().device(), client);
      return new StartOutcome.Started(outcomes.view(outcomes.transition(id, c -> c.progress(sent))));
    } catch (SecondFactorUnavailableException e) {
      outcomes.applyFailure(id, e);
      return new StartOutcome.Unavailable(e);
    } catch (SecondFactorRejectedException e) {
      outcomes.applyFailure(id, e);
      return refusedAudited(rejected(e), user, workspace, challenge.purpose());
    }
  }

  private StartOutcome sendOutOfBand(User user, Workspace workspace, MfaPolicy.Duo policy,
      Challenge challenge, ClientContext client, Optional<DuoTransactionId> verifiedPush) {
    ChallengeId id = challenge.id();
    String action = switch (challenge.purpose()) {
      case UNLOCK -> "Unlock workspace";
      case VERIFY_DEVICE -> "Verify device";
      case STEP_UP -> "Reveal credential";
    };
    try {
      DuoTransactionId txid = gateway.startAuth(policy.settings(), user.duoUsername(), challenge.selection(),
          new PushContext(action, workspace.name(), user.name(), client, verifiedPush));
      StatusMessage sent = StatusMessage.of(challenge.selection().method() == DuoMethod.PUSH
          ? "Pushed a login request to your device..." : "Calling your phone...");
      Challenge attached = outcomes.transition(id, c -> c.attachTransaction(txid, sent));
      if (verifiedPush.isPresent()) {
        attached = withVerificationCode(attached);
      }
      Challenge started = attached;
      try {
        return new StartOutcome.Started(outcomes.view(started));
      } finally {
        // After the answer is built (a fast outcome must not change it), and even if building it
        // failed: the push is out at Duo either way.
        followInBackground(started);
      }
    } catch (SecondFactorUnavailableException e) {
      outcomes.applyFailure(id, e);
      return new StartOutcome.Unavailable(e);
    } catch (SecondFactorRejectedException e) {
      outcomes.applyFailure(id, e);
      return refusedAudited(rejected(e), user, workspace, challenge.purpose());
    }
  }

  /**
   * The started Verified Duo Push once Duo named its code (or whatever it became meanwhile), waiting
   * at most {@link #VERIFICATION_CODE_WAIT}; as started if Duo said nothing in time or failed (the
   * background follow and the next read carry on).
   */
  private Challenge withVerificationCode(Challenge attached) {
    try {
      return follower.followForReader(attached, clock.instant().plus(VERIFICATION_CODE_WAIT), 4)
          .toCompletableFuture().get(VERIFICATION_CODE_WAIT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return attached;
    } catch (ExecutionException | TimeoutException e) {
      return attached;
    }
  }

  /**
   * Follows a started push or call until it is final or expires, even if nobody reads it, so a
   * denial or a fraud report reaches the cooldown, the suspension and the audit trail. Only this
   * (the starting) node follows in the background; readers on any node follow too, and outcomes
   * are applied under optimistic locking, so a status seen twice is applied once. It never
   * issues a session (that happens only on the owner's read), and it holds no thread while
   * waiting. A failure is logged and otherwise harmless: the challenge stays as stored and the
   * next read, or its expiry, settles it.
   */
  private void followInBackground(Challenge started) {
    try {
      follower.follow(started, started.expiresAt(), MAX_BACKGROUND_POLLS)
          .whenComplete((followed, error) -> {
            if (error != null) {
              logFollowFailure(started, error);
            }
          });
    } catch (RuntimeException e) {
      logFollowFailure(started, e);
    }
  }

  private static void logFollowFailure(Challenge challenge, Throwable error) {
    // The challenge id is a capability-like secret: log whose request it was and Duo's txid.
    LOG.log(System.Logger.Level.WARNING, "Following the Duo request of " + challenge.user()
        + " (txid " + challenge.duoTransaction().map(Object::toString).orElse("none")
        + ") in the background failed; the next read or its expiry settles it", error);
  }

  /**
   * A suspension or passcode lockout of the member, which stops every way in (a cooldown only
   * stops sending to the device, and is checked when a challenge starts).
   */
  Optional<Denial> accessRestriction(User user, Workspace workspace) {
    return restricted(user, workspace, DuoMethod.PASSCODE)
        .map(refused -> ((StartOutcome.Refused) refused).denial());
  }

  private Optional<StartOutcome> restricted(User user, Workspace workspace, DuoMethod method) {
    Instant now = clock.instant();
    return Transactions.read(() -> guards.find(workspace.id(), user.name()))
        .flatMap(guard -> guard.restrictionAt(now, method))
        .map(restriction -> new StartOutcome.Refused(denialFor(restriction)));
  }

  private static Denial denialFor(Restriction restriction) {
    return switch (restriction.kind()) {
      case SUSPENDED -> new Denial(DenialCode.SUSPENDED, StatusMessage.of(
          "Access is suspended after a fraud report; an administrator must clear it"),
          Optional.empty(), Optional.empty());
      case LOCKED_OUT -> new Denial(DenialCode.LOCKED_OUT, StatusMessage.of(
          "Too many wrong passcodes; try again later"), Optional.empty(), restriction.until());
      case COOLDOWN -> new Denial(DenialCode.COOLDOWN, StatusMessage.of(
          "A request was just denied; wait before sending another"), Optional.empty(), restriction.until());
    };
  }

  /**
   * The member's open push, call or SMS, returned again for the same request (the same method and
   * purpose, the same device if one is named, and for a step-up the same entry and session),
   * refused for another.
   */
  private Optional<StartOutcome> alreadyOpen(User user, Workspace workspace, Optional<DeviceId> device,
      DuoMethod method, ChallengePurpose purpose, Optional<StepUpTarget> target) {
    if (!method.sendsToDevice()) {
      return Optional.empty();
    }
    return Transactions.read(() -> challenges.findOpenDeviceRequest(workspace.id(), user.name()))
        .map(outcomes::expireIfDue)
        .filter(open -> !open.state().isFinal())
        .map(open -> open.purpose() == purpose && open.selection().method() == method
                && open.stepUp().equals(target)
                && device.map(open.selection().device()::equals).orElse(true)
            ? new StartOutcome.Started(outcomes.view(open))
            : new StartOutcome.Refused(Denial.of(DenialCode.CHALLENGE_PENDING,
                "Another Duo request is still waiting; approve, deny or cancel it first")));
  }

  private static StartOutcome.Refused rejected(SecondFactorRejectedException e) {
    return new StartOutcome.Refused(Denial.of(DuoFailures.denialCode(e), DuoFailures.describe(e)));
  }

  private StartOutcome refusedAudited(StartOutcome outcome, User user, Workspace workspace,
      ChallengePurpose purpose) {
    if (outcome instanceof StartOutcome.Refused refused) {
      auditDenial(user, workspace, purpose, refused.denial());
    }
    return outcome;
  }

  /**
   * Audits a refusal: a Duo-side configuration or rate problem as {@code DUO_PROBLEM} (loudly, for
   * administrators), anything else as {@code ACCESS_DENIED}.
   */
  void auditDenial(User user, Workspace workspace, ChallengePurpose purpose, Denial denial) {
    boolean duoProblem = denial.code() == DenialCode.DUO_MISCONFIGURED
        || denial.code() == DenialCode.DUO_RATE_LIMITED || denial.code() == DenialCode.DUO_REQUEST_REJECTED;
    AuditEvent event = AuditEvent.of(duoProblem ? AuditEventType.DUO_PROBLEM : AuditEventType.ACCESS_DENIED,
            clock.instant())
        .actor(user.name()).workspace(workspace.name()).outcome(denial.code().name().toLowerCase(Locale.ROOT))
        .detail(ChallengeOutcomes.describe(purpose) + ": " + denial.message())
        .build();
    transactions.write(() -> audit.append(event));
  }
}
