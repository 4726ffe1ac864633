package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.application.port.out.StorageException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL asks every client for the password in {@code <data-dir>/pg.password}
 * (ADR 0003): on a new data directory; one that trusts local logins (an unreleased version's) is
 * refused; the password never leaks.
 */
class EmbeddedAuthenticationIT {
  @TempDir
  Path dataDirectory;

  @Test
  void aNewDataDirectoryGetsAPrivatePasswordAndRefusesLoginsWithoutIt() throws Exception {
    ListAppender<ILoggingEvent> logs = captureLogs();
    String password;
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      Path file = dataDirectory.resolve("pg.password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      password = Files.readString(file, StandardCharsets.US_ASCII).strip();
      assertThat(Base64.getDecoder().decode(password)).hasSizeGreaterThanOrEqualTo(32);

      int port = runtime.embedded().port();
      assertRefusedWithoutPassword(port);
      assertThatThrownBy(() -> connect(port, "not-the-password"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
      try (Connection c = connect(port, password); Statement s = c.createStatement();
           ResultSet r = s.executeQuery("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid"
               + " WHERE rolname = 'postgres'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getBoolean(1)).as("stored as a SCRAM verifier").isTrue();
      }
      assertPgHbaIsGatehouses();
      assertThat(runtime.isReachable()).isTrue();

      assertThat(runtime.description()).doesNotContain(password);
      assertThat(runtime.embedded().password().toString()).doesNotContain(password);
      assertThat(runtime.toString()).doesNotContain(password);
    } finally {
      stopCapturing(logs);
    }
    assertThat(logs.list).isNotEmpty().allSatisfy(event -> {
      assertThat(event.getFormattedMessage()).doesNotContain(password);
      if (event.getThrowableProxy() != null) {
        assertThat(event.getThrowableProxy().getMessage()).doesNotContain(password);
      }
    });
    assertThat(Files.readString(dataDirectory.resolve("postgresql.log"))).doesNotContain(password);

    // A restart uses the same password, and still refuses logins without it.
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      assertThat(runtime.embedded().startedHere()).isTrue();
      assertRefusedWithoutPassword(runtime.embedded().port());
      assertThat(Files.readString(dataDirectory.resolve("pg.password")).strip()).isEqualTo(password);
    }
  }

  @Test
  void aPasswordFileOthersMayReadIsRefused() throws Exception {
    PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)).close();
    Path file = dataDirectory.resolve("pg.password");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("chmod 600");
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).as("never started").doesNotExist();

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)).close();
  }

  @Test
  void aMissingPasswordFileFailsWithAClearMessageInsteadOfLockingTheDataOut() throws Exception {
    PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)).close();
    Path file = dataDirectory.resolve("pg.password");
    Path aside = dataDirectory.resolve("pg.password.aside");
    Files.move(file, aside);
    assertThatThrownBy(() -> PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(file + " is missing")
        .hasMessageContaining("restore the file from a backup");
    assertThat(file).as("no new password minted").doesNotExist();
    Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
    PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)).close();
  }

  @Test
  void aDataDirectoryThatTrustsLocalLoginsIsRefusedWithOneLine() throws Exception {
    Path pg = dataDirectory.resolve("pg");
    // What an unreleased version left: zonky's "initdb -A trust" and no password file.
    try (EmbeddedPostgres old = EmbeddedPostgres.builder()
        .setDataDirectory(pg)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("unix_socket_directories", "")
        .setOutputRedirector(Redirect.appendTo(dataDirectory.resolve("postgresql.log").toFile()))
        .setErrorRedirector(Redirect.appendTo(dataDirectory.resolve("postgresql.log").toFile()))
        .start()) {
      assertThat(old.getPort()).isPositive();
    }
    assertThat(PgHbaHardening.trusts(pg)).as("the old pg_hba.conf").isTrue();

    assertThatThrownBy(() -> PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(pg.resolve("pg_hba.conf") + " lets local users in without a password")
        .hasMessageContaining("use a new data directory")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(dataDirectory.resolve("pg.password")).as("no password minted").doesNotExist();
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).as("never started").doesNotExist();
  }

  private void assertPgHbaIsGatehouses() throws Exception {
    List<String> rules = Files.readAllLines(dataDirectory.resolve("pg/pg_hba.conf")).stream()
        .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
        .map(line -> String.join(" ", line.strip().split("\\s+")))
        .toList();
    assertThat(rules).containsExactly("host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256");
  }

  private static void assertRefusedWithoutPassword(int port) {
    assertThat(PgHbaHardening.refusesWithoutPassword(port)).isTrue();
    assertThatThrownBy(() -> connect(port, null)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> connect(port, "")).isInstanceOf(SQLException.class);
  }

  private static Connection connect(int port, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
  }

  /** Everything logged (down to DEBUG for the pool and zonky) while the test runs. */
  private static ListAppender<ILoggingEvent> captureLogs() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setName("capture");
    appender.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    for (String name : List.of("com.zaxxer.hikari", "io.zonky", "org.flywaydb", "dev.gatehouse")) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.DEBUG);
    }
    return appender;
  }

  private static void stopCapturing(ListAppender<ILoggingEvent> appender) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    for (String name : List.of("com.zaxxer.hikari", "io.zonky", "org.flywaydb")) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(null);
    }
    ((Logger) LoggerFactory.getLogger("dev.gatehouse")).setLevel(Level.INFO);
    appender.stop();
  }
}
