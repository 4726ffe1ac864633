package dev.gatehouse.adapter.persistence;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers' PostgreSQL, loaded only when {@code -Dgatehouse.test.db=testcontainers} asks for it. */
final class TestcontainersServer {
  private TestcontainersServer() {}

  static TestDatabase.Server start() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    return new TestDatabase.ExternalServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }
}
