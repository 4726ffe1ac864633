package dev.gatehouse.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Every storage port contract, on the JDBC repositories and a fresh PostgreSQL database per test. */
class JdbcStorageContractsIT implements UserRepositoryContract, ApiTokenRepositoryContract,
    WorkspaceRepositoryContract, MfaPolicyRepositoryContract, DeviceChoiceRepositoryContract,
    ChallengeRepositoryContract, WorkspaceSessionRepositoryContract, AccessGuardRepositoryContract,
    EntryRepositoryContract, AuditLogContract, UnitOfWorkContract {

  private String database;
  private HikariDataSource pool;
  private GatehousePorts ports;

  @BeforeEach
  void freshDatabase() {
    database = TestDatabase.createMigratedDatabase();
    pool = TestDatabase.pool(database, 10);
    ports = JdbcPorts.on(pool, TestKeys.randomRing());
  }

  @AfterEach
  void dropDatabase() {
    pool.close();
    TestDatabase.drop(database);
  }

  @Override
  public GatehousePorts ports() {
    return ports;
  }
}
