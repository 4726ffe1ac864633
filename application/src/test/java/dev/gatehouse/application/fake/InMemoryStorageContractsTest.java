package dev.gatehouse.application.fake;

import dev.gatehouse.application.contract.AccessGuardRepositoryContract;
import dev.gatehouse.application.contract.ApiTokenRepositoryContract;
import dev.gatehouse.application.contract.AuditLogContract;
import dev.gatehouse.application.contract.ChallengeRepositoryContract;
import dev.gatehouse.application.contract.DeviceChoiceRepositoryContract;
import dev.gatehouse.application.contract.EntryRepositoryContract;
import dev.gatehouse.application.contract.MfaPolicyRepositoryContract;
import dev.gatehouse.application.contract.UnitOfWorkContract;
import dev.gatehouse.application.contract.UserRepositoryContract;
import dev.gatehouse.application.contract.WorkspaceRepositoryContract;
import dev.gatehouse.application.contract.WorkspaceSessionRepositoryContract;
import dev.gatehouse.application.port.out.GatehousePorts;
import org.junit.jupiter.api.BeforeEach;

/** The storage contracts, run against the in-memory fakes. */
class InMemoryStorageContractsTest implements UserRepositoryContract, ApiTokenRepositoryContract,
    WorkspaceRepositoryContract, MfaPolicyRepositoryContract, DeviceChoiceRepositoryContract,
    ChallengeRepositoryContract, WorkspaceSessionRepositoryContract, AccessGuardRepositoryContract,
    EntryRepositoryContract, AuditLogContract, UnitOfWorkContract {

  private GatehousePorts ports;

  @BeforeEach
  void freshStore() {
    ports = new InMemoryGatehouse().ports;
  }

  @Override
  public GatehousePorts ports() {
    return ports;
  }
}
