package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.Denial;
import dev.gatehouse.application.port.in.DenialCode;
import dev.gatehouse.application.port.in.DeviceListResult;
import dev.gatehouse.application.port.in.ListDuoDevicesQuery;
import dev.gatehouse.application.port.in.ListDuoDevicesUseCase;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.Optional;

/** Lists the acting member's Duo devices for a workspace, with their current choice. */
public final class ListDuoDevicesService implements ListDuoDevicesUseCase {
  private final GatehousePorts ports;
  private final Access access;

  public ListDuoDevicesService(GatehousePorts ports) {
    this.ports = ports;
    this.access = new Access(ports.users(), ports.workspaces());
  }

  @Override
  public DeviceListResult list(ListDuoDevicesQuery query) {
    User actor = access.actor(query.actor());
    Workspace workspace = access.workspaceOfMember(actor, query.workspace());
    MfaPolicy.Duo duo = DuoPolicies.require(ports, workspace);
    PreauthOutcome preauth;
    try {
      preauth = ports.secondFactor().preauth(duo.settings(), actor.duoUsername(), query.client());
    } catch (SecondFactorUnavailableException e) {
      throw new SecondFactorProblemException(SecondFactorProblem.UNAVAILABLE, DuoFailures.describe(e));
    } catch (SecondFactorRejectedException e) {
      throw new SecondFactorProblemException(DuoFailures.problem(e), DuoFailures.describe(e));
    }
    if (preauth instanceof PreauthOutcome.Authenticate authenticate) {
      Optional<DeviceChoice> choice = Transactions.read(
          () -> ports.deviceChoices().find(workspace.id(), actor.name()));
      return new DeviceListResult.Devices(authenticate.devices(),
          authenticate.devices().size() == 1
              ? Optional.of(authenticate.devices().get(0).id()) : Optional.empty(),
          choice.flatMap(DeviceChoice::active), choice.flatMap(DeviceChoice::pending),
          authenticate.message());
    }
    if (preauth instanceof PreauthOutcome.Allow allow) {
      return new DeviceListResult.Bypass(allow.message());
    }
    if (preauth instanceof PreauthOutcome.Enroll enroll) {
      return new DeviceListResult.Denied(new Denial(DenialCode.ENROLLMENT_REQUIRED, enroll.message(),
          Optional.of(enroll.enrollmentUrl()), Optional.empty()));
    }
    return new DeviceListResult.Denied(new Denial(DenialCode.DUO_DENIED, preauth.message(),
        Optional.empty(), Optional.empty()));
  }
}
