package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL on {@code <data-dir>/pg}, shared by every Gatehouse process (and every
 * runtime in this JVM) that uses the data directory; see ADR 0003.
 *
 * <p>Start and stop decisions are made under an exclusive lock on {@code <data-dir>/pg.lock}. A
 * process attaches to a live server found through {@code postmaster.pid} (process alive, serving
 * this directory, answering on its port) or else starts one; a stale pid file left by a crash is
 * removed. Each process holds a shared lock on {@code <data-dir>/pg.users} while it uses the
 * server; on close, the process that can take that lock exclusively is the last user and stops the
 * server, any other leaves it running. The OS drops a dead process's locks, so a crash never
 * blocks the others.
 */
final class EmbeddedPostgresServer {
  static final String DATABASE = "gatehouse";
  static final String SUPERUSER = "postgres";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);
  /** Servers this JVM uses, by data directory: runtimes in one JVM share one entry. */
  private static final Map<Path, EmbeddedPostgresServer> IN_USE = new HashMap<>();
  /** Servers this JVM started and left running for other processes; their zonky lock is still held. */
  private static final Map<Path, EmbeddedPostgres> LEFT_RUNNING = new HashMap<>();

  private final Path dataDirectory;
  private final int port;
  private final EmbeddedPostgres startedHere;
  private final FileChannel usersChannel;
  private FileLock usersLock;
  private int references = 1;

  private EmbeddedPostgresServer(Path dataDirectory, int port, EmbeddedPostgres startedHere,
      FileChannel usersChannel, FileLock usersLock) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.startedHere = startedHere;
    this.usersChannel = usersChannel;
    this.usersLock = usersLock;
  }

  /** Uses the server on the data directory: attaches to a running one or starts it. */
  static synchronized EmbeddedPostgresServer acquire(Path dataDirectory) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    EmbeddedPostgresServer inUse = IN_USE.get(directory);
    if (inUse != null) {
      inUse.references++;
      return inUse;
    }
    EmbeddedPostgresServer server = FileLocks.exclusively(directory.resolve("pg.lock"),
        "start the embedded PostgreSQL in " + directory, () -> startOrAttach(directory));
    IN_USE.put(directory, server);
    return server;
  }

  /** Stops using the server; the last user anywhere stops it. */
  static synchronized void release(EmbeddedPostgresServer server) {
    if (--server.references > 0) {
      return;
    }
    IN_USE.remove(server.dataDirectory);
    FileLocks.exclusively(server.dataDirectory.resolve("pg.lock"),
        "stop the embedded PostgreSQL in " + server.dataDirectory, () -> {
          server.stopIfLastUser();
          return null;
        });
  }

  int port() {
    return port;
  }

  boolean startedHere() {
    return startedHere != null;
  }

  Path pgDirectory() {
    return dataDirectory.resolve("pg");
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private static EmbeddedPostgresServer startOrAttach(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path pg = directory.resolve("pg");
    FileChannel users = FileChannel.open(directory.resolve("pg.users"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      // Never blocks for long: an exclusive holder holds pg.lock too, which we hold now.
      FileLock shared = users.lock(0, Long.MAX_VALUE, true);
      Optional<Postmaster> running = Postmaster.read(pg);
      EmbeddedPostgresServer server;
      if (running.isPresent() && running.get().isAlive(pg)) {
        int port = running.get().port();
        if (!answers(port, ANSWER_WAIT)) {
          throw new StorageException("PostgreSQL (pid " + running.get().pid() + ") runs on " + pg
              + " but does not answer on 127.0.0.1:" + port + "; stop it or wait until it has started");
        }
        LOG.info("Using the embedded PostgreSQL already running on {} (port {}, pid {})", pg, port,
            running.get().pid());
        server = new EmbeddedPostgresServer(directory, port, null, users, shared);
      } else {
        if (running.isPresent()) {
          LOG.warn("Removing the stale {} left by PostgreSQL pid {}, which is gone", Postmaster.file(pg),
              running.get().pid());
          Files.deleteIfExists(Postmaster.file(pg));
        }
        EmbeddedPostgres postgres = start(directory, pg);
        server = new EmbeddedPostgresServer(directory, postgres.getPort(), postgres, users, shared);
      }
      server.ensureDatabase();
      return server;
    } catch (IOException | RuntimeException e) {
      users.close();
      throw e;
    }
  }

  private static EmbeddedPostgres start(Path directory, Path pg) throws IOException {
    EmbeddedPostgres leftRunning = LEFT_RUNNING.remove(directory);
    if (leftRunning != null) {
      // Started here earlier and stopped by another process since: free zonky's lock on the directory.
      leftRunning.close();
    }
    long started = System.nanoTime();
    Path log = directory.resolve("postgresql.log");
    // zonky's defaults suit throw-away test databases; Gatehouse keeps real data here.
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(pg)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("unix_socket_directories", "")
        .setServerConfig("max_connections", "200")
        .setOutputRedirector(Redirect.appendTo(log.toFile()))
        .setErrorRedirector(Redirect.appendTo(log.toFile()))
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
    LOG.info("Started the embedded PostgreSQL on {} (port {}) in {} ms", pg, postgres.getPort(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return postgres;
  }

  private void ensureDatabase() {
    try (Connection c = connect(port, "postgres");
         PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet r = exists.executeQuery()) {
        if (!r.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + DATABASE);
          }
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("create the database " + DATABASE + " in the embedded PostgreSQL", e);
    }
  }

  private void stopIfLastUser() throws IOException {
    try {
      usersLock.release();
      FileLock exclusive = usersChannel.tryLock(0, Long.MAX_VALUE, false);
      if (exclusive == null) {
        LOG.info("Leaving the embedded PostgreSQL on {} running: another process uses it", pgDirectory());
        if (startedHere != null) {
          LEFT_RUNNING.put(dataDirectory, startedHere);
        }
        return;
      }
      try {
        stop();
      } finally {
        exclusive.release();
      }
    } finally {
      usersChannel.close();
    }
  }

  private void stop() throws IOException {
    long started = System.nanoTime();
    if (startedHere != null) {
      startedHere.close();
    } else {
      // Attached to a server another process started (and left, or crashed): SIGTERM is
      // PostgreSQL's smart shutdown, clean once the last session is gone, as ours are now.
      Optional<Postmaster> running = Postmaster.read(pgDirectory());
      if (running.isPresent() && running.get().isAlive(pgDirectory())) {
        ProcessHandle process = ProcessHandle.of(running.get().pid()).orElseThrow();
        process.destroy();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        // onExit() polls a process that is not our child only every few hundred milliseconds.
        while (process.isAlive()) {
          if (System.nanoTime() > deadline) {
            LOG.warn("The embedded PostgreSQL (pid {}) did not stop within {} s; other sessions may be open",
                running.get().pid(), STOP_WAIT.toSeconds());
            return;
          }
          FileLocks.sleep(20);
        }
      }
    }
    LOG.info("Stopped the embedded PostgreSQL on {} in {} ms", pgDirectory(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  static boolean answers(int port, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      try (Connection c = connect(port, "postgres"); Statement s = c.createStatement()) {
        s.execute("SELECT 1");
        return true;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        FileLocks.sleep(100);
      }
    }
  }

  private static Connection connect(int port, String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("ApplicationName", "gatehouse-setup");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }

  /** What {@code postmaster.pid} says: the server's pid, data directory and port. */
  record Postmaster(long pid, Path dataDirectory, int port) {
    static Path file(Path pg) {
      return pg.resolve("postmaster.pid");
    }

    static Optional<Postmaster> read(Path pg) throws IOException {
      Path file = file(pg);
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      try {
        return Optional.of(new Postmaster(Long.parseLong(lines.get(0).strip()), Path.of(lines.get(1).strip()),
            Integer.parseInt(lines.get(3).strip())));
      } catch (RuntimeException e) {
        // Half-written by a server that died while starting: treat it as stale.
        return Optional.of(new Postmaster(-1, pg, -1));
      }
    }

    /** Alive, a PostgreSQL, and serving this directory (a recycled pid is none of these). */
    boolean isAlive(Path pg) {
      if (pid <= 0) {
        return false;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return false;
      }
      boolean isPostgres = process.get().info().command().map(c -> c.endsWith("postgres")).orElse(true);
      return isPostgres && sameDirectory(pg);
    }

    private boolean sameDirectory(Path pg) {
      try {
        return Files.isSameFile(dataDirectory, pg);
      } catch (IOException e) {
        return false;
      }
    }
  }
}
