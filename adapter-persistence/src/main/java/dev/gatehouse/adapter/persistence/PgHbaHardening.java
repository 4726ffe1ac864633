package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Keeps the embedded PostgreSQL asking every client for the password (ADR 0003): its
 * {@code pg_hba.conf} is exactly {@link #PG_HBA}, the {@code postgres} role has the password of
 * {@code pg.password}, and a login without it is refused.
 */
final class PgHbaHardening {
  /** The whole of {@code pg_hba.conf} as Gatehouse keeps it; anything else is rewritten at the next start. */
  static final String PG_HBA = ""
      + "# Written by Gatehouse (ADR 0003) and rewritten by it when it differs: the embedded PostgreSQL\n"
      + "# listens on 127.0.0.1 only, has no Unix socket, and asks every client for the postgres role's\n"
      + "# password (<data-dir>/pg.password). No trust, no replication.\n"
      + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
      + "host    all       all   127.0.0.1/32  scram-sha-256\n"
      + "host    all       all   ::1/128       scram-sha-256\n";
  private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

  private PgHbaHardening() {}

  static Path file(Path pg) {
    return pg.resolve("pg_hba.conf");
  }

  static boolean isManaged(Path pg) throws IOException {
    return Files.exists(file(pg)) && Files.readString(file(pg), StandardCharsets.UTF_8).equals(PG_HBA);
  }

  /** Whether any rule (not a comment) uses the {@code trust} method. */
  static boolean trusts(Path pg) throws IOException {
    if (!Files.exists(file(pg))) {
      return false;
    }
    for (String line : Files.readAllLines(file(pg), StandardCharsets.UTF_8)) {
      String rule = line.replaceFirst("#.*$", "").strip();
      if (!rule.isEmpty() && List.of(rule.split("\\s+")).contains("trust")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses a cluster that lets anyone in without a password: only a data directory of an
   * unreleased Gatehouse version (or one edited by hand) has one, and Gatehouse never opens it.
   */
  static void refuseTrustingCluster(Path pg) throws IOException {
    if (trusts(pg)) {
      throw new StorageException(file(pg) + " lets local users in without a password (written by an unreleased"
          + " Gatehouse version or by hand); Gatehouse does not open it: use a new data directory");
    }
  }

  /**
   * Makes a server this process started ask for the password: unless {@code pg_hba.conf} already
   * is {@link #PG_HBA} (a new cluster's first start), sets the role's password as a SCRAM verifier
   * computed here (the server never sees or logs the password), rewrites the file, reloads and
   * waits until a login without the password is refused.
   */
  static void requirePassword(Path pg, int port, EmbeddedPassword password) throws IOException {
    if (isManaged(pg)) {
      return;
    }
    try (Connection c = EmbeddedPostgresServer.connect(port, "postgres", password)) {
      c.unwrap(PGConnection.class).alterUserPassword(EmbeddedPostgresServer.SUPERUSER,
          password.reveal().toCharArray(), "scram-sha-256");
      write(pg);
      reload(c, pg, port);
    } catch (SQLException e) {
      throw SqlErrors.translate("switch the embedded PostgreSQL to password authentication", e);
    }
  }

  /** On a server another process started: reloads a {@code pg_hba.conf} rewritten but never reloaded (a crash in between). */
  static void checkAttached(Path pg, int port, EmbeddedPassword password) {
    if (refusesWithoutPassword(port)) {
      return;
    }
    try (Connection c = EmbeddedPostgresServer.connect(port, "postgres", password)) {
      reload(c, pg, port);
    } catch (SQLException e) {
      throw SqlErrors.translate("reload the embedded PostgreSQL's pg_hba.conf", e);
    }
  }

  /**
   * Whether the server refuses {@code postgres} without a password: it asks for one (the driver
   * then gives up with 08004) or rejects the login (class 28). Any other failure is no answer.
   */
  static boolean refusesWithoutPassword(int port) {
    try (Connection c = EmbeddedPostgresServer.connect(port, "postgres", null)) {
      return false;
    } catch (SQLException e) {
      return EmbeddedPostgresServer.isAuthenticationFailure(e) || "08004".equals(e.getSQLState());
    }
  }

  private static void reload(Connection c, Path pg, int port) throws SQLException {
    try (Statement s = c.createStatement();
         ResultSet errors = s.executeQuery("SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
      if (errors.next()) {
        throw new StorageException(file(pg) + " line " + errors.getInt(1) + ": " + errors.getString(2));
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
    // The postmaster rereads the file when it handles the signal: wait until it refuses us.
    long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
    while (!refusesWithoutPassword(port)) {
      if (System.nanoTime() > deadline) {
        throw new StorageException("the embedded PostgreSQL on " + pg + " still accepts logins without a password "
            + RELOAD_WAIT.toSeconds() + " s after reloading " + file(pg));
      }
      FileLocks.sleep(20);
    }
  }

  /** Replaces the file with {@link #PG_HBA} atomically (the server reads it on start and reload). */
  private static void write(Path pg) throws IOException {
    Path partial = pg.resolve("pg_hba.conf.gatehouse-new");
    Files.deleteIfExists(partial);
    if (MasterKeys.supportsPosix(partial)) {
      // As initdb leaves it: the server's files are its owner's only.
      Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(partial);
    }
    Files.writeString(partial, PG_HBA, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    Files.move(partial, file(pg), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
