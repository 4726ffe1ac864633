package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.PushContext;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Starts a Duo challenge for a member: abuse rules first, then Duo's preauth (device drift
 * included), then the challenge row (which claims the one-open push, call or SMS slot before
 * anything is sent), then the push, call or SMS batch; a started push or call is handed to the
 * {@link ChallengeWatch}. Part of {@link ChallengeLifecycle}.
 */
final class ChallengeStarter {
  /**
   * How long starting a Verified Duo Push waits for Duo to name its code, so that the first answer
   * already shows it (Duo's first auth_status answer comes back at once, with the code).
   */
  static final Duration VERIFICATION_CODE_WAIT = Duration.ofSeconds(3);

  private final ChallengeRepository challenges;
  private final AccessGuardRepository guards;
  private final SecondFactorGateway gateway;
  private final SecureTokenSource tokens;
  private final ChallengeSettlement settlement;
  private final ChallengeWatch watch;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  ChallengeStarter(ChallengeRepository challenges, AccessGuardRepository guards, SecondFactorGateway gateway,
      SecureTokenSource tokens, ChallengeSettlement settlement, ChallengeWatch watch, AuditLog audit,
      Transactions transactions, Clock clock) {
    this.challenges = challenges;
    this.guards = guards;
    this.gateway = gateway;
    this.tokens = tokens;
    this.settlement = settlement;
    this.watch = watch;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  StartOutcome start(StartRequest request) {
    User user = request.user();
    Workspace workspace = request.workspace();
    DuoMethod method = request.method();
    Optional<Denial> restriction = restricted(request);
    if (restriction.isPresent()) {
      return refused(request, restriction.get());
    }
    // An abandoned SMS or typed-passcode challenge never blocks the member's next request.
    List<Challenge> stillOpen = settlement.supersedeOpenPasscodeChallenges(
        Transactions.read(() -> challenges.findOpen(workspace.id(), user.name())), open -> !sameRequest(open, request));
    Optional<StartOutcome> open = alreadyOpen(request, stillOpen.stream()
        .filter(challenge -> challenge.selection().method().sendsToDevice()).findFirst());
    if (open.isPresent()) {
      return open.get() instanceof StartOutcome.Refused r ? refused(request, r.denial()) : open.get();
    }
    if (method.isOutOfBand()) {
      watch.requireRoom();
    }
    PreauthDecision decision = PreauthDecision.ask(gateway, request.policy().settings(), user.duoUsername(),
        request.client());
    if (decision instanceof PreauthDecision.Bypass bypass) {
      return new StartOutcome.Bypassed(bypass.message());
    }
    if (decision instanceof PreauthDecision.Unavailable unavailable) {
      return new StartOutcome.Unavailable(unavailable.failure());
    }
    if (decision instanceof PreauthDecision.Refused refusal) {
      return refused(request, refusal.denial());
    }
    if (decision instanceof PreauthDecision.Rejected rejected) {
      return refused(request, rejected.denial());
    }
    PreauthDecision.Authenticate authenticate = (PreauthDecision.Authenticate) decision;
    Optional<Denial> unusable = request.device().isPresent()
        ? unusable(authenticate.devices(), new DeviceSelection(request.device().get(), method))
        : unnamed(authenticate.devices(), method);
    if (unusable.isPresent()) {
      return refused(request, unusable.get());
    }
    DeviceSelection selection = new DeviceSelection(request.device().orElseGet(
        () -> capable(authenticate.devices(), method).get(0).id()), method);
    // A push continues the Verified Duo Push that preauth opened, if the policy asked for one.
    Optional<DuoTransactionId> verifiedPush = method == DuoMethod.PUSH ? authenticate.verifiedPush() : Optional.empty();
    return begin(request, selection, verifiedPush);
  }

  /**
   * The restriction that stops this member from starting a challenge by this method now, by the
   * guard the caller read for this request (read here when it did not).
   */
  private Optional<Denial> restricted(StartRequest request) {
    Instant now = clock.instant();
    return request.guard()
        .or(() -> Transactions.read(() -> guards.find(request.workspace().id(), request.user().name())))
        .flatMap(guard -> guard.restrictionAt(now, request.method()))
        .map(ChallengeStarter::refusal);
  }

  /** The refusal for a restriction found before a challenge starts, with when it ends. */
  static Denial refusal(Restriction restriction) {
    DenialCode code = switch (restriction.kind()) {
      case SUSPENDED -> DenialCode.SUSPENDED;
      case LOCKED_OUT -> DenialCode.LOCKED_OUT;
      case COOLDOWN -> DenialCode.COOLDOWN;
      case USER_DISABLED, NOT_MEMBER -> throw new IllegalArgumentException(
          "a disabled user or a non-member is refused as unauthorized, not denied: " + restriction);
    };
    return Denial.restricted(code, restriction.until());
  }

  /** Device drift: the named device is no longer listed, or can no longer do the method. */
  private static Optional<Denial> unusable(List<DuoDevice> devices, DeviceSelection selection) {
    Optional<DuoDevice> device = devices.stream().filter(d -> d.id().equals(selection.device())).findFirst();
    if (device.isPresent() && device.get().supports(selection.method())) {
      return Optional.empty();
    }
    return Optional.of(Denial.device(DenialCode.DEVICE_NOT_AVAILABLE, selection.method(),
        Optional.of(selection.device()), capable(devices, selection.method())));
  }

  /** No device named: fine when exactly one can do the method; none or several are refused. */
  private static Optional<Denial> unnamed(List<DuoDevice> devices, DuoMethod method) {
    List<DuoDevice> capable = capable(devices, method);
    if (capable.size() == 1) {
      return Optional.empty();
    }
    if (capable.isEmpty()) {
      return Optional.of(Denial.device(DenialCode.DEVICE_NOT_AVAILABLE, method, Optional.empty(), List.of()));
    }
    return Optional.of(Denial.device(DenialCode.DEVICE_REQUIRED, method, Optional.empty(), capable));
  }

  private static List<DuoDevice> capable(List<DuoDevice> devices, DuoMethod method) {
    return devices.stream().filter(d -> d.supports(method)).toList();
  }

  private StartOutcome begin(StartRequest request, DeviceSelection selection,
      Optional<DuoTransactionId> verifiedPush) {
    User user = request.user();
    Workspace workspace = request.workspace();
    MfaPolicy.Duo policy = request.policy();
    DuoMethod method = selection.method();
    // No message until Duo gives one: the faces word a challenge by its state and method.
    StatusMessage firstMessage = StatusMessage.NONE;
    Instant now = clock.instant();
    ChallengeId newId = tokens.newChallengeId();
    Challenge challenge = request.target().isPresent()
        ? Challenge.startStepUp(newId, workspace.id(), user.name(), request.target().get(), selection, firstMessage,
            now, policy.options().challengeLifetime())
        : Challenge.start(newId, workspace.id(), user.name(), request.purpose(), selection, firstMessage, now,
            policy.options().challengeLifetime());
    try {
      transactions.write(() -> {
        request.alongside().accept(selection);
        challenges.add(challenge);
        audit.append(AuditEvent.of(AuditEventType.CHALLENGE_STARTED, now).actor(user.name())
            .workspace(workspace.name()).method(method).outcome("started")
            .detail(AuditTerms.purpose(request.purpose()) + " with device " + selection.device()
                + request.target().map(t -> ", entry " + t.entry() + ", session " + t.session()).orElse(""))
            .build());
      });
    } catch (ConflictException e) {
      // Another request claimed the one open push, call or SMS for this member meanwhile.
      Optional<Challenge> claimed = Transactions.read(() -> challenges.findOpenDeviceRequest(workspace.id(),
          user.name()));
      return alreadyOpen(request, claimed)
          .map(o -> o instanceof StartOutcome.Refused r ? refused(request, r.denial()) : o)
          .orElseThrow(() -> e);
    }
    if (method == DuoMethod.SMS) {
      return sendSms(request, challenge);
    }
    if (!method.isOutOfBand()) {
      return new StartOutcome.Started(settlement.view(challenge, workspace.name()));
    }
    return sendOutOfBand(request, challenge, verifiedPush);
  }

  /** The SMS batch is sent only once the challenge holds the member's one open-request slot. */
  private StartOutcome sendSms(StartRequest request, Challenge challenge) {
    ChallengeId id = challenge.id();
    try {
      StatusMessage sent = gateway.sendSmsPasscodes(request.policy().settings(), request.user().duoUsername(),
          challenge.selection().device(), request.client());
      return new StartOutcome.Started(settlement.view(settlement.transition(challenge, c -> c.progress(sent)),
          request.workspace().name()));
    } catch (SecondFactorUnavailableException e) {
      settlement.applyFailure(id, e);
      return new StartOutcome.Unavailable(e);
    } catch (SecondFactorRejectedException e) {
      settlement.applyFailure(id, e);
      return refused(request, DuoFailures.denial(e));
    }
  }

  private StartOutcome sendOutOfBand(StartRequest request, Challenge challenge,
      Optional<DuoTransactionId> verifiedPush) {
    ChallengeId id = challenge.id();
    String action = switch (challenge.purpose()) {
      case UNLOCK -> "Unlock workspace";
      case VERIFY_DEVICE -> "Verify device";
      case STEP_UP -> "Reveal credential";
    };
    try {
      DuoTransactionId txid = gateway.startAuth(request.policy().settings(), request.user().duoUsername(),
          challenge.selection(), new PushContext(action, request.workspace().name(), request.user().name(),
              request.client(), verifiedPush));
      Challenge attached = settlement.transition(challenge, c -> c.attachTransaction(txid, StatusMessage.NONE));
      // The push is out at Duo: from here on it is followed until it settles, whoever reads it.
      watch.follow(attached, Optional.of(request.policy().settings()));
      if (verifiedPush.isPresent()) {
        attached = withVerificationCode(attached);
      }
      return new StartOutcome.Started(settlement.view(attached, request.workspace().name()));
    } catch (SecondFactorUnavailableException e) {
      settlement.applyFailure(id, e);
      return new StartOutcome.Unavailable(e);
    } catch (SecondFactorRejectedException e) {
      settlement.applyFailure(id, e);
      return refused(request, DuoFailures.denial(e));
    }
  }

  /**
   * The started Verified Duo Push once Duo named its code (or whatever it became meanwhile), waiting
   * at most {@link #VERIFICATION_CODE_WAIT}; as started if Duo said nothing in time.
   */
  private Challenge withVerificationCode(Challenge attached) {
    try {
      return watch.awaitChange(attached, VERIFICATION_CODE_WAIT).get(VERIFICATION_CODE_WAIT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return attached;
    } catch (ExecutionException | TimeoutException e) {
      return attached;
    }
  }

  /**
   * The member's open push, call or SMS, returned again for the same request (the same method and
   * purpose, the same device if one is named, and for a step-up the same entry and session),
   * refused for another. {@code found} is the member's open push, call or SMS as last read.
   */
  private Optional<StartOutcome> alreadyOpen(StartRequest request, Optional<Challenge> found) {
    if (!request.method().sendsToDevice()) {
      return Optional.empty();
    }
    return found
        .map(settlement::expireIfDue)
        .filter(open -> !open.state().isFinal())
        .map(open -> sameRequest(open, request)
            ? new StartOutcome.Started(settlement.view(open, request.workspace().name()))
            : new StartOutcome.Refused(Denial.of(DenialCode.CHALLENGE_PENDING)));
  }

  private static boolean sameRequest(Challenge open, StartRequest request) {
    return open.purpose() == request.purpose() && open.selection().method() == request.method()
        && open.stepUp().equals(request.target())
        && request.device().map(open.selection().device()::equals).orElse(true);
  }

  private StartOutcome refused(StartRequest request, Denial denial) {
    auditDenial(request.user(), request.workspace(), request.purpose(), denial);
    return new StartOutcome.Refused(denial);
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
        .detail(AuditTerms.denial(purpose, denial))
        .build();
    transactions.write(() -> audit.append(event));
  }

  /**
   * What to start: for whom, where, with which device (or the only capable one) and method, and why;
   * {@code guard} is the member's access guard when the caller already read it for this request.
   */
  record StartRequest(User user, Workspace workspace, MfaPolicy.Duo policy, Optional<DeviceId> device,
      DuoMethod method, ChallengePurpose purpose, Optional<StepUpTarget> target, ClientContext client,
      Consumer<DeviceSelection> alongside, Optional<AccessGuard> guard) {}
}
