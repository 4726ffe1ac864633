package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesQuery;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesUseCase;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.Optional;

/** Lists the acting member's Duo devices for a workspace, with their current choice. */
public final class ListDuoDevicesService implements ListDuoDevicesUseCase {
  private final Access access;
  private final MfaPolicyRepository policies;
  private final DeviceChoiceRepository choices;
  private final SecondFactorGateway gateway;

  public ListDuoDevicesService(UserRepository users, WorkspaceRepository workspaces, MfaPolicyRepository policies,
      DeviceChoiceRepository choices, SecondFactorGateway gateway) {
    this.access = new Access(users, workspaces);
    this.policies = policies;
    this.choices = choices;
    this.gateway = gateway;
  }

  @Override
  public DeviceListResult list(ListDuoDevicesQuery query) {
    User actor = access.actor(query.actor());
    Workspace workspace = access.workspaceOfMember(actor, query.workspace());
    MfaPolicy.Duo duo = DuoPolicies.require(policies, workspace);
    PreauthDecision decision = PreauthDecision.ask(gateway, duo.settings(), actor.duoUsername(), query.client());
    if (decision instanceof PreauthDecision.Unavailable unavailable) {
      throw new SecondFactorProblemException(SecondFactorProblem.UNAVAILABLE,
          DuoFailures.report(unavailable.failure()).value());
    }
    if (decision instanceof PreauthDecision.Rejected rejected) {
      throw new SecondFactorProblemException(DuoFailures.problem(rejected.failure()),
          DuoFailures.report(rejected.failure()).value());
    }
    if (decision instanceof PreauthDecision.Bypass bypass) {
      return new DeviceListResult.Bypass(bypass.message());
    }
    if (decision instanceof PreauthDecision.Refused refused) {
      return new DeviceListResult.Denied(refused.denial());
    }
    PreauthDecision.Authenticate authenticate = (PreauthDecision.Authenticate) decision;
    Optional<DeviceChoice> choice = Transactions.read(() -> choices.find(workspace.id(), actor.name()));
    return new DeviceListResult.Devices(authenticate.devices(),
        authenticate.devices().size() == 1 ? Optional.of(authenticate.devices().get(0).id()) : Optional.empty(),
        choice.flatMap(DeviceChoice::active), choice.flatMap(DeviceChoice::pending), authenticate.message());
  }
}
