package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ChooseDuoDeviceUseCase;
import dev.gatehouse.application.port.in.Denial;
import dev.gatehouse.application.port.in.DenialCode;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Instant;

/**
 * The seed's "Use this device" and "Save": stores the choice as pending and starts the first
 * authentication with it; the choice becomes active only when that challenge is approved. Without a
 * named device, the only one Duo lists that can do the method is chosen (product brief: one device
 * is chosen for the member).
 */
public final class ChooseDuoDeviceService implements ChooseDuoDeviceUseCase {
  private final ChallengeEngine engine;

  public ChooseDuoDeviceService(GatehousePorts ports) {
    this.engine = new ChallengeEngine(ports);
  }

  @Override
  public ChooseDuoDeviceResult choose(ChooseDuoDeviceCommand command) {
    User actor = engine.access.actor(command.actor());
    Workspace workspace = engine.access.workspaceOfMember(actor, command.workspace());
    MfaPolicy.Duo duo = DuoPolicies.require(engine.ports, workspace);
    StartOutcome outcome = engine.starter.start(actor, workspace, duo, command.device(), command.method(),
        ChallengePurpose.VERIFY_DEVICE, command.client(), selection -> storePending(actor, workspace, selection));
    if (outcome instanceof StartOutcome.Started started) {
      return new ChooseDuoDeviceResult.Verifying(started.challenge());
    }
    if (outcome instanceof StartOutcome.Refused refused) {
      return new ChooseDuoDeviceResult.Denied(refused.denial());
    }
    if (outcome instanceof StartOutcome.Bypassed) {
      return denied(actor, workspace, Denial.of(DenialCode.DUO_BYPASS_USER,
          "Duo lets this user in without a second factor, so there is no device to verify"));
    }
    StartOutcome.Unavailable unavailable = (StartOutcome.Unavailable) outcome;
    // A device choice is never verified by failmode: it stays unverified until Duo answers.
    return denied(actor, workspace, Denial.of(DenialCode.DUO_UNAVAILABLE,
        DuoFailures.describe(unavailable.failure())));
  }

  private void storePending(User actor, Workspace workspace, DeviceSelection selection) {
    Instant now = engine.ports.clock().instant();
    DeviceChoice choice = engine.ports.deviceChoices().find(workspace.id(), actor.name())
        .map(existing -> existing.choose(selection, now))
        .orElseGet(() -> DeviceChoice.create(workspace.id(), actor.name(), selection, now));
    engine.ports.deviceChoices().save(choice);
    engine.ports.audit().append(AuditEvent.of(AuditEventType.DEVICE_CHOSEN, now).actor(actor.name())
        .workspace(workspace.name()).method(selection.method()).outcome("pending")
        .detail("device " + selection.device()).build());
  }

  private ChooseDuoDeviceResult denied(User actor, Workspace workspace, Denial denial) {
    engine.starter.auditDenial(actor, workspace, ChallengePurpose.VERIFY_DEVICE, denial);
    return new ChooseDuoDeviceResult.Denied(denial);
  }
}
