package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.CheckDuoSettingsUseCase;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import java.time.Clock;
import java.util.Optional;

/** The seed's Check button: asks Duo whether the settings work and saves nothing (administrators). */
public final class CheckDuoSettingsService implements CheckDuoSettingsUseCase {
  private final Access access;
  private final DuoSettingsCheck check;

  public CheckDuoSettingsService(UserRepository users, WorkspaceRepository workspaces,
      SecondFactorGateway gateway, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.access = new Access(users, workspaces);
    this.check = new DuoSettingsCheck(gateway, audit, new Transactions(unitOfWork), clock);
  }

  @Override
  public DuoCheckResult check(CheckDuoSettingsCommand command) {
    return check.check(access.administrator(command.actor()), command.settings(), Optional.empty());
  }
}
