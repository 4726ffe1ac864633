package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.service.SecureRandomTokenSource;
import javax.sql.DataSource;

/** Gatehouse's ports on the JDBC repositories, with the test-jar's fake Duo and hand-moved clock. */
final class JdbcPorts {
  private JdbcPorts() {}

  static GatehousePorts on(DataSource dataSource, KeyRing keys, FakeSecondFactorGateway duo, MutableClock clock) {
    JdbcTransactions db = new JdbcTransactions(dataSource);
    return new GatehousePorts(new JdbcUserRepository(db), new JdbcApiTokenRepository(db),
        new JdbcWorkspaceRepository(db), new JdbcMfaPolicyRepository(db, new SecretCipher(keys)),
        new JdbcDeviceChoiceRepository(db), new JdbcChallengeRepository(db), new JdbcWorkspaceSessionRepository(db),
        new JdbcAccessGuardRepository(db), new JdbcAuditLog(db), db, duo, new SecureRandomTokenSource(), clock);
  }

  static GatehousePorts on(DataSource dataSource, KeyRing keys) {
    return on(dataSource, keys, new FakeSecondFactorGateway(), MutableClock.startingAt("2026-11-29T09:00:00Z"));
  }
}
