package dev.gatehouse.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL the integration tests use: one server per test JVM — embedded (zonky, test
 * settings) by default, an external server when {@code GATEHOUSE_TEST_DATABASE_URL} is set (with
 * {@code _USER} / {@code _PASSWORD}; it needs CREATEDB), or Testcontainers when asked for with
 * {@code -Dgatehouse.test.db=testcontainers} (never probed otherwise). Each test gets a fresh
 * database cloned from a template migrated once.
 */
final class TestDatabase {
  /** Where a test server lives and how to reach one of its databases. */
  interface Server {
    String url(String database);

    String user();

    String password();

    String adminDatabase();
  }

  private static final String TEMPLATE = "gatehouse_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static Server server;
  private static boolean templateReady;

  private TestDatabase() {}

  static synchronized Server server() {
    if (server == null) {
      server = chooseServer();
    }
    return server;
  }

  private static Server chooseServer() {
    String external = System.getenv("GATEHOUSE_TEST_DATABASE_URL");
    if (external != null && !external.isBlank()) {
      return new ExternalServer(external, envOr("GATEHOUSE_TEST_DATABASE_USER", "postgres"),
          envOr("GATEHOUSE_TEST_DATABASE_PASSWORD", ""));
    }
    if ("testcontainers".equals(System.getProperty("gatehouse.test.db"))) {
      return TestcontainersServer.start();
    }
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
      return new ExternalServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  /** A new, empty database (no schema). */
  static String createEmptyDatabase() {
    String name = "gh_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    admin("CREATE DATABASE " + name);
    return name;
  }

  /** A new database with the current schema, cloned from the migrated template. */
  static synchronized String createMigratedDatabase() {
    if (!templateReady) {
      admin("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
      admin("CREATE DATABASE " + TEMPLATE);
      try (HikariDataSource pool = pool(TEMPLATE, 2)) {
        PersistenceRuntime.migrate(pool);
      }
      templateReady = true;
    }
    String name = "gh_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return name;
  }

  static void drop(String database) {
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  static HikariDataSource pool(String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server().url(database));
    config.setUsername(server().user());
    config.setPassword(server().password());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setPoolName("test-" + database);
    return new HikariDataSource(config);
  }

  static Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", server().user());
    properties.setProperty("password", server().password());
    return DriverManager.getConnection(server().url(database), properties);
  }

  private static void admin(String sql) {
    try (Connection c = connect(server().adminDatabase()); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** A server reached by URL: the external one, or the embedded one on its port. */
  record ExternalServer(String adminUrl, String user, String password) implements Server {
    @Override
    public String url(String database) {
      return adminUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)([^?]*)", "$1" + database);
    }

    @Override
    public String adminDatabase() {
      return adminUrl.replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*$", "$1");
    }
  }
}
