package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.Denial;
import dev.gatehouse.application.port.in.DenialCode;
import dev.gatehouse.application.port.in.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.OpenWorkspaceUseCase;
import dev.gatehouse.application.port.in.SessionGrant;
import dev.gatehouse.application.port.in.UnlockResult;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens a workspace: directly when it has no second factor; otherwise Duo is asked every time
 * (unless the workspace opted into a remember window), with the failmode applied exactly when Duo
 * cannot be reached or answers unusably.
 */
public final class OpenWorkspaceService implements OpenWorkspaceUseCase {
  private final ChallengeEngine engine;

  public OpenWorkspaceService(GatehousePorts ports) {
    this.engine = new ChallengeEngine(ports);
  }

  @Override
  public UnlockResult open(OpenWorkspaceCommand command) {
    UnlockResult result = decide(command);
    if (result instanceof UnlockResult.Pending) {
      engine.ports.telemetry().unlockPending();
    }
    return result;
  }

  private UnlockResult decide(OpenWorkspaceCommand command) {
    User actor = engine.access.actor(command.actor());
    Workspace workspace = engine.access.workspaceOfMember(actor, command.workspace());
    MfaPolicy policy = Transactions.read(() -> engine.ports.policies().find(workspace.id()));
    if (!(policy instanceof MfaPolicy.Duo duo)) {
      return grant(actor, workspace, GrantKind.NO_MFA, MfaOptions.DEFAULTS, Optional.empty());
    }
    // Suspension and lockout come first: no remember window, bypass or failmode opens for them.
    Optional<Denial> restricted = engine.starter.accessRestriction(actor, workspace);
    if (restricted.isPresent()) {
      return denied(actor, workspace, restricted.get());
    }
    if (remembered(actor, workspace, duo.options())) {
      return grant(actor, workspace, GrantKind.REMEMBERED, duo.options(), Optional.empty());
    }
    Optional<DeviceSelection> active = Transactions.read(
        () -> engine.ports.deviceChoices().find(workspace.id(), actor.name())).flatMap(DeviceChoice::active);
    if (active.isEmpty()) {
      return withoutActiveDevice(actor, workspace, duo, command.client());
    }
    StartOutcome outcome = engine.starter.start(actor, workspace, duo, active.get(),
        ChallengePurpose.UNLOCK, command.client(), () -> { });
    if (outcome instanceof StartOutcome.Started started) {
      return new UnlockResult.Pending(started.challenge());
    }
    if (outcome instanceof StartOutcome.Refused refused) {
      engine.ports.telemetry().unlockDenied(refused.denial().code());
      return new UnlockResult.Denied(refused.denial());
    }
    if (outcome instanceof StartOutcome.Bypassed bypassed) {
      return grant(actor, workspace, GrantKind.DUO_BYPASS, duo.options(),
          Optional.of(event(AuditEventType.DUO_BYPASS, actor, workspace, "allow",
              "Duo preauth allowed without a second factor: " + bypassed.message())));
    }
    StartOutcome.Unavailable unavailable = (StartOutcome.Unavailable) outcome;
    String cause = DuoFailures.describe(unavailable.failure());
    if (duo.failmode() == Failmode.SAFE) {
      return grant(actor, workspace, GrantKind.FAILSAFE, duo.options(),
          Optional.of(event(AuditEventType.FAILSAFE_GRANTED, actor, workspace,
              unavailable.failure().kind().name().toLowerCase(Locale.ROOT), cause)));
    }
    return denied(actor, workspace, Denial.of(DenialCode.DUO_UNAVAILABLE, cause));
  }

  /**
   * No verified device yet: Duo's preauth still decides for users it lets in without a second
   * factor (who can never choose a device), and names the enrollment portal for users it sends
   * there; anyone else, or when Duo does not answer, must choose a device first.
   */
  private UnlockResult withoutActiveDevice(User actor, Workspace workspace, MfaPolicy.Duo duo,
      ClientContext client) {
    PreauthOutcome preauth;
    try {
      preauth = engine.ports.secondFactor().preauth(duo.settings(), actor.duoUsername(), client);
    } catch (SecondFactorUnavailableException | SecondFactorRejectedException e) {
      preauth = null;
    }
    if (preauth instanceof PreauthOutcome.Allow allow) {
      return grant(actor, workspace, GrantKind.DUO_BYPASS, duo.options(),
          Optional.of(event(AuditEventType.DUO_BYPASS, actor, workspace, "allow",
              "Duo preauth allowed without a second factor: " + allow.message())));
    }
    if (preauth instanceof PreauthOutcome.Enroll enroll) {
      return denied(actor, workspace, new Denial(DenialCode.ENROLLMENT_REQUIRED, enroll.message(),
          Optional.of(enroll.enrollmentUrl()), Optional.empty()));
    }
    if (preauth instanceof PreauthOutcome.Deny deny) {
      return denied(actor, workspace, new Denial(DenialCode.DUO_DENIED, deny.message(),
          Optional.empty(), Optional.empty()));
    }
    return denied(actor, workspace, Denial.of(DenialCode.NO_ACTIVE_DEVICE,
        "No verified Duo device for this workspace yet; choose one first (duo use-device)"));
  }

  /** A Duo approval within the remember window counts (restrictions were checked before). */
  private boolean remembered(User actor, Workspace workspace, MfaOptions options) {
    if (!options.remembers()) {
      return false;
    }
    Instant since = engine.ports.clock().instant().minus(options.rememberFor());
    return Transactions.read(() -> engine.ports.sessions().findLatestDuoApproved(workspace.id(), actor.name()))
        .map(WorkspaceSession::createdAt)
        .filter(createdAt -> createdAt.isAfter(since))
        .isPresent();
  }

  private UnlockResult grant(User actor, Workspace workspace, GrantKind kind, MfaOptions options,
      Optional<AuditEvent> why) {
    SessionGrant grant = engine.transactions.write(() -> {
      why.ifPresent(engine.ports.audit()::append);
      return engine.sessions.issue(workspace, actor.name(), kind, options.sessionLifetime());
    });
    engine.ports.telemetry().unlockGranted(kind);
    return new UnlockResult.Granted(grant);
  }

  private UnlockResult denied(User actor, Workspace workspace, Denial denial) {
    engine.starter.auditDenial(actor, workspace, ChallengePurpose.UNLOCK, denial);
    engine.ports.telemetry().unlockDenied(denial.code());
    return new UnlockResult.Denied(denial);
  }

  private AuditEvent event(AuditEventType type, User actor, Workspace workspace, String outcome,
      String detail) {
    return AuditEvent.of(type, engine.ports.clock().instant()).actor(actor.name())
        .workspace(workspace.name()).outcome(outcome).detail(detail).build();
  }
}
