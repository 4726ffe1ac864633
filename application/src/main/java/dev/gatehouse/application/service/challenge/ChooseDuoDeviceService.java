package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceUseCase;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;

/**
 * The seed's "Use this device" and "Save": stores the choice as pending and starts the first
 * authentication with it; the choice becomes active only when that challenge is approved. Without a
 * named device, the only one Duo lists that can do the method is chosen (product brief: one device
 * is chosen for the member).
 */
public final class ChooseDuoDeviceService implements ChooseDuoDeviceUseCase {
  private final Access access;
  private final MfaPolicyRepository policies;
  private final DeviceChoiceRepository choices;
  private final AuditLog audit;
  private final ChallengeLifecycle lifecycle;
  private final Clock clock;

  public ChooseDuoDeviceService(UserRepository users, WorkspaceRepository workspaces, MfaPolicyRepository policies,
      DeviceChoiceRepository choices, AuditLog audit, ChallengeLifecycle lifecycle, Clock clock) {
    this.access = new Access(users, workspaces);
    this.policies = policies;
    this.choices = choices;
    this.audit = audit;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public ChooseDuoDeviceResult choose(ChooseDuoDeviceCommand command) {
    User actor = access.actor(command.actor());
    Workspace workspace = access.workspaceOfMember(actor, command.workspace());
    MfaPolicy.Duo duo = DuoPolicies.require(policies, workspace);
    StartOutcome outcome = lifecycle.start(actor, workspace, duo, command.device(), command.method(),
        ChallengePurpose.VERIFY_DEVICE, command.client(), selection -> storePending(actor, workspace, selection));
    if (outcome instanceof StartOutcome.Started started) {
      return new ChooseDuoDeviceResult.Verifying(started.challenge());
    }
    if (outcome instanceof StartOutcome.Refused refused) {
      return new ChooseDuoDeviceResult.Denied(refused.denial());
    }
    if (outcome instanceof StartOutcome.Bypassed) {
      return denied(actor, workspace, Denial.of(DenialCode.DUO_BYPASS_USER));
    }
    StartOutcome.Unavailable unavailable = (StartOutcome.Unavailable) outcome;
    // A device choice is never verified by failmode: it stays unverified until Duo answers.
    return denied(actor, workspace, DuoFailures.denial(unavailable.failure()));
  }

  private void storePending(User actor, Workspace workspace, DeviceSelection selection) {
    Instant now = clock.instant();
    DeviceChoice choice = choices.find(workspace.id(), actor.name())
        .map(existing -> existing.choose(selection, now))
        .orElseGet(() -> DeviceChoice.create(workspace.id(), actor.name(), selection, now));
    choices.save(choice);
    audit.append(AuditEvent.of(AuditEventType.DEVICE_CHOSEN, now).actor(actor.name())
        .workspace(workspace.name()).method(selection.method()).outcome("pending")
        .detail("device " + selection.device()).build());
  }

  private ChooseDuoDeviceResult denied(User actor, Workspace workspace, Denial denial) {
    lifecycle.auditDenial(actor, workspace, ChallengePurpose.VERIFY_DEVICE, denial);
    return new ChooseDuoDeviceResult.Denied(denial);
  }
}
