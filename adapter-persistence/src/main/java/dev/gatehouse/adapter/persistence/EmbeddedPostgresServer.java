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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.postgresql.PGConnection;
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
 *
 * <p>The server asks for a password (SCRAM) on every connection: the {@code postgres} role's
 * password lives in {@code <data-dir>/pg.password} (0600, see {@link EmbeddedPassword}) and
 * {@code pg_hba.conf} allows {@code scram-sha-256} from 127.0.0.1 and ::1 only, with no
 * {@code trust} line. A new cluster gets both from {@code initdb}; a data directory written by an
 * earlier version (trust, no password file) is switched over when this class next starts it.
 */
final class EmbeddedPostgresServer {
  static final String DATABASE = "gatehouse";
  static final String SUPERUSER = "postgres";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);
  private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);
  /** The whole of {@code pg_hba.conf} as Gatehouse keeps it; anything else is rewritten at the next start. */
  static final String PG_HBA = ""
      + "# Written by Gatehouse (ADR 0003) and rewritten by it when it differs: the embedded PostgreSQL\n"
      + "# listens on 127.0.0.1 only, has no Unix socket, and asks every client for the postgres role's\n"
      + "# password (<data-dir>/pg.password). No trust, no replication.\n"
      + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
      + "host    all       all   127.0.0.1/32  scram-sha-256\n"
      + "host    all       all   ::1/128       scram-sha-256\n";
  /** Servers this JVM uses, by data directory: runtimes in one JVM share one entry. */
  private static final Map<Path, EmbeddedPostgresServer> IN_USE = new HashMap<>();
  /** Servers this JVM started and left running for other processes; their zonky lock is still held. */
  private static final Map<Path, EmbeddedPostgres> LEFT_RUNNING = new HashMap<>();

  private final Path dataDirectory;
  private final int port;
  private final EmbeddedPassword password;
  private final EmbeddedPostgres startedHere;
  private final FileChannel usersChannel;
  private FileLock usersLock;
  private int references = 1;

  private EmbeddedPostgresServer(Path dataDirectory, int port, EmbeddedPassword password,
      EmbeddedPostgres startedHere, FileChannel usersChannel, FileLock usersLock) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.password = password;
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

  /** The {@code postgres} role's password, for the connection pool (and Flyway through it). */
  EmbeddedPassword password() {
    return password;
  }

  private static EmbeddedPostgresServer startOrAttach(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path pg = directory.resolve("pg");
    FileChannel users = FileChannel.open(directory.resolve("pg.users"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    EmbeddedPostgres startedNow = null;
    try {
      // Never blocks for long: an exclusive holder holds pg.lock too, which we hold now.
      FileLock shared = users.lock(0, Long.MAX_VALUE, true);
      EmbeddedPassword password = password(directory, pg);
      Optional<Postmaster> running = Postmaster.read(pg);
      EmbeddedPostgresServer server;
      if (running.isPresent() && running.get().isAlive(pg)) {
        int port = running.get().port();
        if (!answers(port, password, ANSWER_WAIT)) {
          throw new StorageException("PostgreSQL (pid " + running.get().pid() + ") runs on " + pg
              + " but does not answer on 127.0.0.1:" + port + "; stop it or wait until it has started");
        }
        LOG.info("Using the embedded PostgreSQL already running on {} (port {}, pid {})", pg, port,
            running.get().pid());
        server = new EmbeddedPostgresServer(directory, port, password, null, users, shared);
        server.checkAttachedServerAsksForPassword();
      } else {
        if (running.isPresent()) {
          LOG.warn("Removing the stale {} left by PostgreSQL pid {}, which is gone", Postmaster.file(pg),
              running.get().pid());
          Files.deleteIfExists(Postmaster.file(pg));
        }
        EmbeddedPostgres postgres = start(directory, pg, password);
        startedNow = postgres;
        server = new EmbeddedPostgresServer(directory, postgres.getPort(), password, postgres, users, shared);
        server.requirePassword();
      }
      server.ensureDatabase();
      return server;
    } catch (IOException | RuntimeException e) {
      if (startedNow != null) {
        // Nobody else can have attached (we hold pg.lock): never leave a server we could not
        // secure or set up running.
        startedNow.close();
      }
      users.close();
      throw e;
    }
  }

  /**
   * The password in {@code pg.password}, created first if the file is missing and either there is
   * no cluster yet or the cluster still trusts loopback (written by an earlier version).
   */
  private static EmbeddedPassword password(Path directory, Path pg) throws IOException {
    Path file = directory.resolve(EmbeddedPassword.FILE_NAME);
    if (!Files.exists(file)) {
      if (Files.exists(pg.resolve("postgresql.conf")) && !PgHba.trusts(pg)) {
        throw new StorageException(file + " is missing, but the embedded PostgreSQL in " + pg
            + " asks for the password it held. Restore the file from a backup (mode 0600); or, with no"
            + " Gatehouse process running, change every method in " + pg.resolve("pg_hba.conf")
            + " to trust: the next start then sets a new password and switches back to scram-sha-256.");
      }
      EmbeddedPassword.create(file);
      LOG.info("Created {} (the embedded PostgreSQL's password)", file);
    }
    return EmbeddedPassword.read(file);
  }

  private static EmbeddedPostgres start(Path directory, Path pg, EmbeddedPassword password) throws IOException {
    EmbeddedPostgres leftRunning = LEFT_RUNNING.remove(directory);
    if (leftRunning != null) {
      // Started here earlier and stopped by another process since: free zonky's lock on the directory.
      leftRunning.close();
    }
    long started = System.nanoTime();
    Path log = directory.resolve("postgresql.log");
    // zonky's defaults suit throw-away test databases; Gatehouse keeps real data here.
    EmbeddedPostgres postgres;
    try {
      postgres = startServer(pg, password, log);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StorageException storage) {
        throw storage;
      }
      // zonky reports initdb or pg_ctl failing as an IllegalStateException naming the command
      // line: the reason is in the server's log.
      throw new StorageException("the embedded PostgreSQL in " + pg + " could not be started; see " + log, e);
    }
    LOG.info("Started the embedded PostgreSQL on {} (port {}) in {} ms", pg, postgres.getPort(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return postgres;
  }

  private static EmbeddedPostgres startServer(Path pg, EmbeddedPassword password, Path log) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(pg)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("unix_socket_directories", "")
        .setServerConfig("max_connections", "200")
        // zonky runs "initdb -A trust -U postgres ..." followed by its locale options as --key=value,
        // so these give a new cluster the password and SCRAM from its first moment (later options
        // win in initdb); they are unused on an existing cluster.
        .setLocaleConfig("auth-host", "scram-sha-256")
        .setLocaleConfig("auth-local", "scram-sha-256")
        .setLocaleConfig("pwfile", password.file().toAbsolutePath().toString())
        // zonky's own readiness check logs in as postgres.
        .setConnectConfig("password", password.reveal())
        .setOutputRedirector(Redirect.appendTo(log.toFile()))
        .setErrorRedirector(Redirect.appendTo(log.toFile()))
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
  }

  /**
   * Makes the server this process started ask for the password: unless {@code pg_hba.conf} already
   * is {@link #PG_HBA}, sets the role's password (as a SCRAM verifier computed here, so the server
   * never sees or logs the password), rewrites {@code pg_hba.conf}, reloads and waits until a
   * login without the password is refused.
   */
  private void requirePassword() throws IOException {
    Path pg = pgDirectory();
    if (PgHba.isManaged(pg)) {
      return;
    }
    boolean upgrade = PgHba.trusts(pg);
    try (Connection c = connect(port, "postgres", password)) {
      c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.reveal().toCharArray(), "scram-sha-256");
      PgHba.write(pg);
      reload(c);
    } catch (SQLException e) {
      throw SqlErrors.translate("switch the embedded PostgreSQL to password authentication", e);
    }
    if (upgrade) {
      LOG.info("Switched the embedded PostgreSQL on {} from trust to password (scram-sha-256) authentication;"
          + " the password is in {}", pg, password.file());
    }
  }

  /**
   * On a server another process started: one started by an earlier version still trusts loopback
   * (it is switched when next started here, not under that process); one whose {@code pg_hba.conf}
   * was rewritten but never reloaded (a crash in between) is reloaded now.
   */
  private void checkAttachedServerAsksForPassword() throws IOException {
    Path pg = pgDirectory();
    if (!PgHba.isManaged(pg)) {
      LOG.warn("The embedded PostgreSQL on {} was started by an earlier Gatehouse version and trusts every"
          + " loopback connection; it switches to password authentication when it is next started", pg);
      return;
    }
    if (!refusesWithoutPassword(port)) {
      try (Connection c = connect(port, "postgres", password)) {
        reload(c);
      } catch (SQLException e) {
        throw SqlErrors.translate("reload the embedded PostgreSQL's pg_hba.conf", e);
      }
    }
  }

  private void reload(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
         ResultSet errors = s.executeQuery("SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
      if (errors.next()) {
        throw new StorageException(pgDirectory().resolve("pg_hba.conf") + " line " + errors.getInt(1) + ": "
            + errors.getString(2));
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
    // The postmaster rereads the file when it handles the signal: wait until it refuses us.
    long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
    while (!refusesWithoutPassword(port)) {
      if (System.nanoTime() > deadline) {
        throw new StorageException("the embedded PostgreSQL on " + pgDirectory()
            + " still accepts logins without a password " + RELOAD_WAIT.toSeconds() + " s after reloading "
            + pgDirectory().resolve("pg_hba.conf"));
      }
      FileLocks.sleep(20);
    }
  }

  /**
   * Whether the server refuses {@code postgres} without a password: it asks for one (the driver
   * then gives up with 08004) or rejects the login (class 28). Any other failure is no answer.
   */
  static boolean refusesWithoutPassword(int port) {
    try (Connection c = connect(port, "postgres", null)) {
      return false;
    } catch (SQLException e) {
      return isAuthenticationFailure(e) || "08004".equals(e.getSQLState());
    }
  }

  private void ensureDatabase() {
    try (Connection c = connect(port, "postgres", password);
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

  /** Whether the server answers {@code SELECT 1} within {@code wait}; a refused password fails at once. */
  static boolean answers(int port, EmbeddedPassword password, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      try (Connection c = connect(port, "postgres", password); Statement s = c.createStatement()) {
        s.execute("SELECT 1");
        return true;
      } catch (SQLException e) {
        if (isAuthenticationFailure(e)) {
          throw new StorageException("the embedded PostgreSQL on 127.0.0.1:" + port + " refuses the password in "
              + password.file() + " (" + e.getMessage() + ")", e);
        }
        if (System.nanoTime() > deadline) {
          return false;
        }
        FileLocks.sleep(100);
      }
    }
  }

  /** SQLSTATE class 28: invalid authorization (e.g. 28P01, wrong password). */
  private static boolean isAuthenticationFailure(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("28");
  }

  private static Connection connect(int port, String database, EmbeddedPassword password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    if (password != null) {
      properties.setProperty("password", password.reveal());
    }
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("ApplicationName", "gatehouse-setup");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }

  /** The cluster's {@code pg_hba.conf}: whether it is Gatehouse's, whether it trusts anyone, rewriting it. */
  static final class PgHba {
    private PgHba() {}

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

    /** Replaces the file with {@link #PG_HBA} atomically (the server reads it on start and reload). */
    static void write(Path pg) throws IOException {
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
