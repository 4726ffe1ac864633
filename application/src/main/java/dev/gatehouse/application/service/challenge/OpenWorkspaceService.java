package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceUseCase;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens a workspace: directly when it has no second factor; otherwise Duo is asked every time
 * (unless the workspace opted into a remember window), with the failmode applied exactly when Duo
 * cannot be reached or answers unusably.
 */
public final class OpenWorkspaceService implements OpenWorkspaceUseCase {
  private final Access access;
  private final MfaPolicyRepository policies;
  private final DeviceChoiceRepository choices;
  private final AccessGuardRepository guards;
  private final WorkspaceSessionRepository sessions;
  private final SecondFactorGateway gateway;
  private final SessionIssuer issuer;
  private final AuditLog audit;
  private final Transactions transactions;
  private final ChallengeLifecycle lifecycle;
  private final Telemetry telemetry;
  private final Clock clock;

  public OpenWorkspaceService(UserRepository users, WorkspaceRepository workspaces, MfaPolicyRepository policies,
      DeviceChoiceRepository choices, AccessGuardRepository guards, WorkspaceSessionRepository sessions,
      SecondFactorGateway gateway, SecureTokenSource tokens, AuditLog audit, UnitOfWork unitOfWork,
      ChallengeLifecycle lifecycle, Telemetry telemetry, Clock clock) {
    this.access = new Access(users, workspaces);
    this.policies = policies;
    this.choices = choices;
    this.guards = guards;
    this.sessions = sessions;
    this.gateway = gateway;
    this.issuer = new SessionIssuer(sessions, tokens, audit, clock);
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.lifecycle = lifecycle;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  @Override
  public UnlockResult open(OpenWorkspaceCommand command) {
    UnlockResult result = decide(command);
    if (result instanceof UnlockResult.Pending) {
      telemetry.unlockPending();
    }
    return result;
  }

  private UnlockResult decide(OpenWorkspaceCommand command) {
    User actor = access.actor(command.actor());
    Workspace workspace = access.workspaceOfMember(actor, command.workspace());
    MfaPolicy policy = Transactions.read(() -> policies.find(workspace.id()));
    if (!(policy instanceof MfaPolicy.Duo duo)) {
      return grant(actor, workspace, GrantKind.NO_MFA, MfaOptions.DEFAULTS, Optional.empty());
    }
    // Suspension and lockout come first: no remember window, bypass or failmode opens for them.
    Instant now = clock.instant();
    AccessGuard guard = Transactions.read(() -> guards.find(workspace.id(), actor.name()))
        .orElseGet(() -> AccessGuard.clear(workspace.id(), actor.name()));
    Optional<Denial> restricted = guard.restrictionAt(now).map(ChallengeStarter::refusal);
    if (restricted.isPresent()) {
      return denied(actor, workspace, restricted.get());
    }
    if (remembered(actor, workspace, duo.options())) {
      return grant(actor, workspace, GrantKind.REMEMBERED, duo.options(), Optional.empty());
    }
    Optional<DeviceSelection> active = Transactions.read(() -> choices.find(workspace.id(), actor.name()))
        .flatMap(DeviceChoice::active);
    if (active.isEmpty()) {
      return withoutActiveDevice(actor, workspace, duo, PreauthDecision.ask(gateway, duo.settings(),
          actor.duoUsername(), command.client()));
    }
    StartOutcome outcome = lifecycle.startUnlock(actor, workspace, duo, active.get(), guard, command.client());
    if (outcome instanceof StartOutcome.Started started) {
      return new UnlockResult.Pending(started.challenge());
    }
    if (outcome instanceof StartOutcome.Refused refused) {
      telemetry.unlockDenied(refused.denial().code());
      return new UnlockResult.Denied(refused.denial());
    }
    if (outcome instanceof StartOutcome.Bypassed bypassed) {
      return bypass(actor, workspace, duo, bypassed.message());
    }
    StartOutcome.Unavailable unavailable = (StartOutcome.Unavailable) outcome;
    String cause = DuoFailures.report(unavailable.failure()).value();
    if (duo.failmode() == Failmode.SAFE) {
      return grant(actor, workspace, GrantKind.FAILSAFE, duo.options(),
          Optional.of(event(AuditEventType.FAILSAFE_GRANTED, actor, workspace,
              unavailable.failure().kind().name().toLowerCase(Locale.ROOT), cause)));
    }
    return denied(actor, workspace, DuoFailures.denial(unavailable.failure()));
  }

  /**
   * No verified device yet: Duo's preauth still decides for users it lets in without a second
   * factor (who can never choose a device), and names the enrollment portal for users it sends
   * there; anyone else, or when Duo does not answer, must choose a device first.
   */
  private UnlockResult withoutActiveDevice(User actor, Workspace workspace, MfaPolicy.Duo duo,
      PreauthDecision decision) {
    if (decision instanceof PreauthDecision.Bypass bypass) {
      return bypass(actor, workspace, duo, bypass.message());
    }
    if (decision instanceof PreauthDecision.Refused refused) {
      return denied(actor, workspace, refused.denial());
    }
    return denied(actor, workspace, Denial.of(DenialCode.NO_ACTIVE_DEVICE));
  }

  private UnlockResult bypass(User actor, Workspace workspace, MfaPolicy.Duo duo, StatusMessage message) {
    return grant(actor, workspace, GrantKind.DUO_BYPASS, duo.options(),
        Optional.of(event(AuditEventType.DUO_BYPASS, actor, workspace, "allow",
            "Duo preauth allowed without a second factor: " + message)));
  }

  /** A Duo approval within the remember window counts (restrictions were checked before). */
  private boolean remembered(User actor, Workspace workspace, MfaOptions options) {
    if (!options.remembers()) {
      return false;
    }
    Instant since = clock.instant().minus(options.rememberFor());
    return Transactions.read(() -> sessions.findLatestDuoApproved(workspace.id(), actor.name()))
        .map(WorkspaceSession::createdAt)
        .filter(createdAt -> createdAt.isAfter(since))
        .isPresent();
  }

  private UnlockResult grant(User actor, Workspace workspace, GrantKind kind, MfaOptions options,
      Optional<AuditEvent> why) {
    SessionGrant grant = transactions.write(() -> {
      why.ifPresent(audit::append);
      return issuer.issue(workspace, actor.name(), kind, options.sessionLifetime());
    });
    telemetry.unlockGranted(kind);
    return new UnlockResult.Granted(grant);
  }

  private UnlockResult denied(User actor, Workspace workspace, Denial denial) {
    lifecycle.auditDenial(actor, workspace, ChallengePurpose.UNLOCK, denial);
    telemetry.unlockDenied(denial.code());
    return new UnlockResult.Denied(denial);
  }

  private AuditEvent event(AuditEventType type, User actor, Workspace workspace, String outcome,
      String detail) {
    return AuditEvent.of(type, clock.instant()).actor(actor.name())
        .workspace(workspace.name()).outcome(outcome).detail(detail).build();
  }
}
