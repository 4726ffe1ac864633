package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL on {@code <data-dir>/pg}, shared by every Gatehouse process (and every
 * runtime in this JVM) that uses the data directory; see ADR 0003.
 *
 * <p>Start and stop decisions are made under an exclusive lock on {@code <data-dir>/pg.lock}. A
 * process attaches to a live server found through {@code postmaster.pid} ({@link Postmaster}) or
 * else starts one, always on the data directory's own port ({@code <data-dir>/pg.port}); a stale
 * pid file left by a crash is removed. Each process holds a shared lock on
 * {@code <data-dir>/pg.users} while it uses the server; on close, the process that can take that
 * lock exclusively is the last user and stops the server, any other leaves it running. The OS
 * drops a dead process's locks, so a crash never blocks the others.
 *
 * <p>While in use, a watcher looks at {@code postmaster.pid} four times a second: a server that
 * died is restarted with {@code pg_ctl start} by whichever user sees it first (under
 * {@code pg.lock}), again and again with a back-off of at most {@link #MAX_BACKOFF} while attempts
 * fail, and {@link #health()} says at once when the server is down or shutting down. Password
 * authentication is {@link PgHbaHardening}'s.
 */
final class EmbeddedPostgresServer {
  static final String DATABASE = "gatehouse";
  static final String SUPERUSER = "postgres";

  /** What the watcher last saw. */
  enum Health {
    /** Running and taking connections. */
    UP,
    /** Shutting down (e.g. a smart shutdown): refuses new connections. */
    STOPPING,
    /** Not running (being restarted). */
    DOWN
  }

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);
  /** How long a process waits for the process that started the server to restart (or stop) it. */
  private static final Duration RESTART_WAIT = Duration.ofSeconds(20);
  private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);
  /** The longest pause between two restart attempts while the server stays down. */
  private static final Duration MAX_BACKOFF = Duration.ofMillis(1500);
  /** How long {@code pg_ctl start} may wait for the server (crash recovery included). */
  private static final Duration START_WAIT = Duration.ofSeconds(60);
  /**
   * The server's settings, given on its command line by zonky and by a restart alike. zonky's
   * defaults suit throw-away test databases; Gatehouse keeps real data here.
   */
  private static final Map<String, String> SERVER_CONFIG = serverConfig();
  /** zonky's lock on the cluster directory, held by the process whose zonky instance started the server. */
  private static final String ZONKY_LOCK = "epg-lock";
  /** Servers this JVM uses, by data directory: runtimes in one JVM share one entry. */
  private static final Map<Path, EmbeddedPostgresServer> IN_USE = new HashMap<>();
  /** Servers this JVM started and left running for other processes; their zonky lock is still held. */
  private static final Map<Path, EmbeddedPostgres> LEFT_RUNNING = new HashMap<>();

  private final Path dataDirectory;
  private final int port;
  private final EmbeddedPassword password;
  private final boolean startedFirstHere;
  private final FileChannel usersChannel;
  private final FileLock usersLock;
  private volatile EmbeddedPostgres startedHere;
  private volatile Health health = Health.UP;
  private volatile Runnable onHealthChange = () -> { };
  private ScheduledExecutorService watcher;
  /** The directory of the server's programs, learnt from a running postmaster; null until seen. */
  private volatile Path binaries;
  private boolean restartFailureLogged;
  private Duration backoff = Duration.ZERO;
  private long nextRestart;
  private int references = 1;

  private EmbeddedPostgresServer(Path dataDirectory, int port, EmbeddedPassword password,
      EmbeddedPostgres startedHere, FileChannel usersChannel, FileLock usersLock) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.password = password;
    this.startedHere = startedHere;
    this.startedFirstHere = startedHere != null;
    this.usersChannel = usersChannel;
    this.usersLock = usersLock;
  }

  /**
   * Uses the server on the data directory: attaches to a running one or starts it. A server that
   * is down or shutting down while the process that started it still runs is waited for (that
   * process restarts it) for up to {@link #RESTART_WAIT}.
   */
  static synchronized EmbeddedPostgresServer acquire(Path dataDirectory) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    EmbeddedPostgresServer inUse = IN_USE.get(directory);
    if (inUse != null) {
      inUse.references++;
      return inUse;
    }
    long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
    while (true) {
      Optional<EmbeddedPostgresServer> server = FileLocks.exclusively(directory.resolve("pg.lock"),
          "start the embedded PostgreSQL in " + directory, () -> startOrAttach(directory));
      if (server.isPresent()) {
        IN_USE.put(directory, server.get());
        server.get().startWatching();
        return server.get();
      }
      if (System.nanoTime() > deadline) {
        throw new StorageException("the embedded PostgreSQL in " + directory.resolve("pg") + " is down or shutting"
            + " down and the Gatehouse process that started it has not restarted it within "
            + RESTART_WAIT.toSeconds() + " s; stop that process or try again");
      }
      FileLocks.sleep(200);
    }
  }

  /** Stops using the server; the last user anywhere stops it. */
  static synchronized void release(EmbeddedPostgresServer server) {
    if (--server.references > 0) {
      return;
    }
    IN_USE.remove(server.dataDirectory);
    server.stopWatching();
    FileLocks.exclusively(server.dataDirectory.resolve("pg.lock"),
        "stop the embedded PostgreSQL in " + server.dataDirectory, () -> {
          server.stopIfLastUser();
          return null;
        });
  }

  int port() {
    return port;
  }

  /** Whether this process started the server it first used (rather than attaching to a running one). */
  boolean startedHere() {
    return startedFirstHere;
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

  /** What the watcher last saw, at most a quarter of a second ago; never waits for the server. */
  Health health() {
    return health;
  }

  /** Runs {@code listener} (on the watcher's thread) whenever {@link #health()} changes. */
  void onHealthChange(Runnable listener) {
    this.onHealthChange = listener;
  }

  /** Attaches or starts; empty when the server is down or stopping and another process must act first. */
  private static Optional<EmbeddedPostgresServer> startOrAttach(Path directory) throws IOException {
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
        if (running.get().isStopping()) {
          users.close();
          return Optional.empty();
        }
        int port = running.get().port();
        if (!answers(port, password, ANSWER_WAIT)) {
          throw new StorageException("PostgreSQL (pid " + running.get().pid() + ") runs on " + pg
              + " but does not answer on 127.0.0.1:" + port + "; stop it or wait until it has started");
        }
        LOG.info("Using the embedded PostgreSQL already running on {} (port {}, pid {})", pg, port,
            running.get().pid());
        PgHbaHardening.checkAttached(pg, port, password);
        server = new EmbeddedPostgresServer(directory, port, password, null, users, shared);
      } else {
        removeStalePidFile(pg, running);
        closeLeftRunning(directory);
        if (zonkyLockHeldElsewhere(pg)) {
          users.close();
          return Optional.empty();
        }
        int port = StablePort.of(directory);
        EmbeddedPostgres postgres = start(directory, pg, password, port);
        startedNow = postgres;
        server = new EmbeddedPostgresServer(directory, port, password, postgres, users, shared);
        PgHbaHardening.requirePassword(pg, port, password);
      }
      server.ensureDatabase();
      Postmaster.read(pg).ifPresent(server::learnBinaries);
      return Optional.of(server);
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
   * The password in {@code pg.password}, created first when there is no cluster yet. A cluster
   * that trusts local logins, or one whose password file is gone, is refused with a clear message.
   */
  private static EmbeddedPassword password(Path directory, Path pg) throws IOException {
    Path file = directory.resolve(EmbeddedPassword.FILE_NAME);
    boolean cluster = Files.exists(pg.resolve("postgresql.conf"));
    if (cluster) {
      PgHbaHardening.refuseTrustingCluster(pg);
    }
    if (!Files.exists(file)) {
      if (cluster) {
        throw new StorageException(file + " is missing, but the embedded PostgreSQL in " + pg
            + " asks for the password it held; restore the file from a backup (mode 0600)");
      }
      EmbeddedPassword.create(file);
      LOG.info("Created {} (the embedded PostgreSQL's password)", file);
    }
    return EmbeddedPassword.read(file);
  }

  private static void removeStalePidFile(Path pg, Optional<Postmaster> stale) throws IOException {
    if (stale.isPresent()) {
      LOG.warn("Removing the stale {} left by PostgreSQL pid {}, which is gone", Postmaster.file(pg), stale.get().pid());
      Files.deleteIfExists(Postmaster.file(pg));
    }
  }

  /** Frees zonky's lock on a server this JVM started and left running, which has stopped since. */
  private static void closeLeftRunning(Path directory) throws IOException {
    EmbeddedPostgres leftRunning = LEFT_RUNNING.remove(directory);
    if (leftRunning != null) {
      leftRunning.close();
    }
  }

  /**
   * Whether another process holds zonky's lock on the cluster: it started the server, still runs,
   * and restarts the server itself (zonky would refuse to start it here).
   */
  private static boolean zonkyLockHeldElsewhere(Path pg) throws IOException {
    Path lock = pg.resolve(ZONKY_LOCK);
    if (!Files.exists(lock)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      FileLock free = channel.tryLock();
      if (free == null) {
        return true;
      }
      free.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    }
  }

  private static EmbeddedPostgres start(Path directory, Path pg, EmbeddedPassword password, int port)
      throws IOException {
    long started = System.nanoTime();
    Path log = directory.resolve("postgresql.log");
    ownerOnly(log);
    EmbeddedPostgres postgres;
    try {
      postgres = startServer(pg, password, log, port);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StorageException storage) {
        throw storage;
      }
      // zonky reports initdb or pg_ctl failing as an IllegalStateException naming the command
      // line: the reason is in the server's log.
      throw new StorageException("the embedded PostgreSQL in " + pg + " could not be started on 127.0.0.1:" + port
          + "; see " + log, e);
    }
    LOG.info("Started the embedded PostgreSQL on {} (port {}) in {} ms", pg, port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return postgres;
  }

  /** The server's log may show statements and names: its owner's only (created so, or fixed). */
  private static void ownerOnly(Path log) throws IOException {
    if (!MasterKeys.supportsPosix(log.getParent())) {
      return;
    }
    if (Files.exists(log)) {
      Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
    } else {
      Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
  }

  private static Map<String, String> serverConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("fsync", "on");
    config.put("synchronous_commit", "on");
    config.put("full_page_writes", "on");
    config.put("listen_addresses", "127.0.0.1");
    config.put("unix_socket_directories", "");
    config.put("max_connections", "200");
    return Collections.unmodifiableMap(config);
  }

  private static EmbeddedPostgres startServer(Path pg, EmbeddedPassword password, Path log, int port)
      throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    SERVER_CONFIG.forEach(builder::setServerConfig);
    return builder
        .setDataDirectory(pg)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setPort(port)
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

  private void startWatching() {
    watcher = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "gatehouse-embedded-postgres-watch");
      thread.setDaemon(true);
      return thread;
    });
    watcher.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void stopWatching() {
    watcher.shutdown();
    try {
      // A restart in progress finishes first: never leave a half-started server behind.
      watcher.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One look at {@code postmaster.pid}: updates {@link #health()} and restarts a server that is gone. */
  private void watch() {
    try {
      Optional<Postmaster> running = Postmaster.read(pgDirectory());
      if (running.isPresent() && running.get().isAlive(pgDirectory())) {
        learnBinaries(running.get());
        if (running.get().isStopping()) {
          becomes(Health.STOPPING);
        } else if (health != Health.UP && answers(running.get().port(), password, Duration.ZERO)) {
          if (running.get().port() != port) {
            LOG.warn("The embedded PostgreSQL on {} runs on port {}, not on this data directory's port {}; restart"
                + " Gatehouse", pgDirectory(), running.get().port(), port);
          }
          becomes(Health.UP);
        }
        return;
      }
      becomes(Health.DOWN);
      if (System.nanoTime() - nextRestart < 0) {
        return;
      }
      FileLocks.exclusively(dataDirectory.resolve("pg.lock"), "restart the embedded PostgreSQL in " + dataDirectory,
          this::restartUnlessRunning);
      restartFailureLogged = false;
      backoff = Duration.ZERO;
    } catch (IOException | RuntimeException e) {
      // Killed while starting, its port taken, ...: try again soon, for as long as it is down.
      backoff = backoff.isZero() ? WATCH_INTERVAL : min(backoff.multipliedBy(2), MAX_BACKOFF);
      nextRestart = System.nanoTime() + backoff.toNanos();
      if (!restartFailureLogged) {
        restartFailureLogged = true;
        LOG.warn("The embedded PostgreSQL on {} is down and cannot be restarted yet ({}); retrying every {} ms at"
            + " most", pgDirectory(), e.getMessage(), MAX_BACKOFF.toMillis());
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private void learnBinaries(Postmaster running) {
    if (binaries == null) {
      running.binaries().ifPresent(directory -> binaries = directory);
    }
  }

  private void becomes(Health now) {
    if (health == now) {
      return;
    }
    Health before = health;
    health = now;
    if (now == Health.UP) {
      LOG.warn("The embedded PostgreSQL on {} is up again", pgDirectory());
    } else {
      LOG.warn("The embedded PostgreSQL on {} is {} (was {})", pgDirectory(),
          now == Health.DOWN ? "down" : "shutting down", before.name().toLowerCase(Locale.ROOT));
    }
    onHealthChange.run();
  }

  /**
   * Under {@code pg.lock}: starts the server on this directory's port unless it runs. With the
   * server's programs known, {@code pg_ctl start} does it (zonky's instance, if this process has
   * one, keeps its lock and later stops whichever server runs); otherwise zonky, unless the
   * process that holds zonky's lock will.
   */
  private Void restartUnlessRunning() throws IOException {
    Optional<Postmaster> running = Postmaster.read(pgDirectory());
    if (running.isPresent() && running.get().isAlive(pgDirectory())) {
      return null;
    }
    removeStalePidFile(pgDirectory(), running);
    if (binaries != null) {
      long started = System.nanoTime();
      pgCtlStart(binaries);
      LOG.warn("Restarted the embedded PostgreSQL on {} (port {}) in {} ms", pgDirectory(), port,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return null;
    }
    EmbeddedPostgres previous = startedHere;
    if (previous != null) {
      // Its server is gone; closing frees zonky's lock so a new instance can start.
      startedHere = null;
      previous.close();
    }
    closeLeftRunning(dataDirectory);
    if (zonkyLockHeldElsewhere(pgDirectory())) {
      return null;
    }
    startedHere = start(dataDirectory, pgDirectory(), password, port);
    LOG.warn("Restarted the embedded PostgreSQL on {} (port {})", pgDirectory(), port);
    return null;
  }

  /** {@code pg_ctl start -w} with zonky's command line (less its {@code -F}); fails when the server does not come up. */
  private void pgCtlStart(Path programs) throws IOException {
    Path log = dataDirectory.resolve("postgresql.log");
    ownerOnly(log);
    List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port)));
    SERVER_CONFIG.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // As zonky does: PostgreSQL refuses to run as root.
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(List.of(programs.resolve("pg_ctl").toString(), "-D", pgDirectory().toString(), "-o",
        String.join(" ", options), "-w", "-t", Long.toString(START_WAIT.toSeconds()), "start"));
    Process pgCtl = new ProcessBuilder(command).redirectInput(Redirect.from(new File("/dev/null")))
        .redirectOutput(Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
    int exit;
    try {
      if (!pgCtl.waitFor(START_WAIT.toSeconds() + 5, TimeUnit.SECONDS)) {
        pgCtl.destroyForcibly();
        throw new StorageException("pg_ctl start did not finish within " + START_WAIT.toSeconds() + " s");
      }
      exit = pgCtl.exitValue();
    } catch (InterruptedException e) {
      pgCtl.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while restarting the embedded PostgreSQL in " + pgDirectory());
    }
    if (exit != 0) {
      throw new StorageException("the embedded PostgreSQL in " + pgDirectory() + " could not be started on 127.0.0.1:"
          + port + " (pg_ctl exit " + exit + "); see " + log);
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
    EmbeddedPostgres mine = startedHere;
    if (mine != null) {
      mine.close();
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

  /** Whether the server answers {@code SELECT 1} within {@code wait} (tried at least once); a refused password fails at once. */
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
  static boolean isAuthenticationFailure(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("28");
  }

  /** A setup connection (never pooled) as {@code postgres}; without a password when {@code password} is null. */
  static Connection connect(int port, String database, EmbeddedPassword password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    if (password != null) {
      properties.setProperty("password", password.reveal());
    }
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("ApplicationName", "gatehouse-setup");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }
}
