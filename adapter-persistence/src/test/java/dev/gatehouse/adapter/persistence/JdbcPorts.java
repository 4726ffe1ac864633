package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.service.SecureRandomTokenSource;
import java.security.SecureRandom;
import javax.sql.DataSource;

/** Gatehouse's ports on the JDBC repositories, with the test-jar's fake Duo and hand-moved clock. */
final class JdbcPorts {
  private JdbcPorts() {}

  static GatehousePorts on(DataSource dataSource, MasterKeySource keys, FakeSecondFactorGateway duo,
      MutableClock clock) {
    JdbcTransactions db = new JdbcTransactions(dataSource);
    SecretCipher cipher = new SecretCipher(keys);
    return new GatehousePorts(new JdbcUserRepository(db), new JdbcApiTokenRepository(db),
        new JdbcWorkspaceRepository(db), new JdbcMfaPolicyRepository(db, cipher),
        new JdbcDeviceChoiceRepository(db), new JdbcChallengeRepository(db), new JdbcWorkspaceSessionRepository(db),
        new JdbcAccessGuardRepository(db), new JdbcEntryRepository(db, new EnvelopeCipher(cipher)),
        new JdbcAuditLog(db), db, duo, new JdbcMasterKeyRotation(db, keys, new SecureRandom()),
        new SecureRandomTokenSource(), clock);
  }

  static GatehousePorts on(DataSource dataSource, KeyRing keys, FakeSecondFactorGateway duo, MutableClock clock) {
    return on(dataSource, MasterKeySource.fixed(keys), duo, clock);
  }

  static GatehousePorts on(DataSource dataSource, KeyRing keys) {
    return on(dataSource, MasterKeySource.fixed(keys));
  }

  static GatehousePorts on(DataSource dataSource, MasterKeySource keys) {
    return on(dataSource, keys, new FakeSecondFactorGateway(), MutableClock.startingAt("2026-11-29T09:00:00Z"));
  }
}
