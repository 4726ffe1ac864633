package dev.gatehouse.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.gatehouse.application.port.out.StorageException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Gatehouse's storage while it runs: connects to the external PostgreSQL or starts (or joins) the
 * embedded one, migrates the schema, opens the connection pool and loads the master key. The
 * composition root starts it once, hands it to {@link PersistenceModule} and closes it on exit
 * (a shutdown hook closes it too). Start fails with a {@code StorageException} carrying a clear
 * message when the database cannot be reached or migrated or the master key is wrong or missing.
 */
public final class PersistenceRuntime implements AutoCloseable {
  private static final Duration READINESS_WAIT = Duration.ofMillis(900);
  private static final int MIN_IDLE = 1;
  /** Asks an external database for readiness checks, so that a hanging connect never holds the caller. */
  private static final ExecutorService READINESS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "gatehouse-readiness");
    thread.setDaemon(true);
    return thread;
  });
  private final HikariDataSource pool;
  private JdbcChallengeSignals signals;
  private final EmbeddedPostgresServer embedded;
  private final JdbcTransactions transactions;
  private final MasterKeySource keys;
  private final SecretCipher cipher;
  private final String description;
  private final int pendingMigrations;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook;

  PersistenceRuntime(HikariDataSource pool, EmbeddedPostgresServer embedded, MasterKeySource keys,
      String description) {
    this(pool, embedded, keys, description, 0);
  }

  PersistenceRuntime(HikariDataSource pool, EmbeddedPostgresServer embedded, MasterKeySource keys,
      String description, int pendingMigrations) {
    this.pendingMigrations = pendingMigrations;
    this.pool = pool;
    this.embedded = embedded;
    this.transactions = new JdbcTransactions(pool,
        embedded == null ? () -> true : () -> embedded.health() == EmbeddedPostgresServer.Health.UP);
    if (embedded != null) {
      embedded.onHealthChange(() -> {
        // While the server is away the pool keeps no idle connection, so it does not retry with a
        // back-off growing to 5 s that would delay the first connection once the server is back.
        pool.getHikariConfigMXBean().setMinimumIdle(embedded.health() == EmbeddedPostgresServer.Health.UP ? MIN_IDLE : 0);
        // Connections to a server that went away (or is shutting down and waits for them) are dropped.
        pool.getHikariPoolMXBean().softEvictConnections();
        if (embedded.health() != EmbeddedPostgresServer.Health.UP) {
          // So is the challenge signals' listening connection, or a smart shutdown would wait for it.
          dropSignalsConnection();
        }
      });
    }
    this.keys = keys;
    this.cipher = new SecretCipher(keys);
    this.description = description;
    this.shutdownHook = new Thread(this::closeResources, "gatehouse-persistence-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts storage as configured; see the class comment for what can fail. */
  public static PersistenceRuntime start(PersistenceConfig config) {
    try {
      Files.createDirectories(config.dataDirectory());
    } catch (IOException e) {
      throw new StorageException("the data directory " + config.dataDirectory() + " cannot be created: "
          + whyNotCreated(e), e);
    }
    ownerOnly(config.dataDirectory());
    EmbeddedPostgresServer embedded = null;
    HikariDataSource pool = null;
    try {
      HikariConfig hikari = new HikariConfig();
      String description;
      if (config.externalDatabase().isPresent()) {
        PersistenceConfig.ExternalDatabase external = config.externalDatabase().get();
        hikari.setJdbcUrl(external.jdbcUrl());
        external.user().ifPresent(hikari::setUsername);
        external.password().ifPresent(hikari::setPassword);
        description = "PostgreSQL at " + external;
      } else {
        embedded = EmbeddedPostgresServer.acquire(config.dataDirectory());
        hikari.setJdbcUrl(embedded.jdbcUrl(EmbeddedPostgresServer.DATABASE));
        hikari.setUsername(EmbeddedPostgresServer.SUPERUSER);
        // Flyway and the master-key check use this pool too; the pool never prints the password.
        hikari.setPassword(embedded.password().reveal());
        description = "embedded PostgreSQL on 127.0.0.1:" + embedded.port() + " (" + embedded.pgDirectory()
            + (embedded.startedHere() ? ", started by this process)" : ", shared with another process)");
      }
      pool = openPool(hikari, config.maxPoolSize(), description);
      int pending = migrate(pool);
      MasterKeySource keys = MasterKeys.load(config, pool);
      return new PersistenceRuntime(pool, embedded, keys, description, pending);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      if (embedded != null) {
        EmbeddedPostgresServer.release(embedded);
      }
      throw e;
    }
  }

  /** The data directory holds keys and the database: its owner's only (fixed on every start). */
  private static void ownerOnly(Path directory) {
    try {
      if (MasterKeys.supportsPosix(directory)
          && !PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)).equals("rwx------")) {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new StorageException("the data directory " + directory + " cannot be made its owner's only (chmod 700): "
          + whyNotCreated(e), e);
    }
  }

  /** Why the data directory cannot be created, as a plain sentence (no exception class names). */
  static String whyNotCreated(IOException e) {
    if (e instanceof FileAlreadyExistsException) {
      return "it is a file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? "unknown reason" : e.getMessage();
  }

  static HikariDataSource openPool(HikariConfig hikari, int maxPoolSize, String description) {
    hikari.setPoolName("gatehouse");
    hikari.setMaximumPoolSize(maxPoolSize);
    hikari.setMinimumIdle(MIN_IDLE);
    // Fail fast while the database is down: a request waits at most a few seconds for a connection.
    hikari.setConnectionTimeout(5_000);
    hikari.setInitializationFailTimeout(10_000);
    hikari.addDataSourceProperty("ApplicationName", "gatehouse");
    hikari.addDataSourceProperty("connectTimeout", "2");
    try {
      return new HikariDataSource(hikari);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DatabaseUnreachableException("cannot connect to " + description + ": " + cause.getMessage(), e);
    }
  }

  /**
   * Migrates the schema; returns how many known migrations are still not applied after that (0 when
   * current). A schema that is already current is recognised without starting Flyway.
   */
  static int migrate(DataSource dataSource) {
    if (SchemaHistory.isCurrent(dataSource)) {
      return 0;
    }
    try {
      Flyway flyway = Flyway.configure(PersistenceRuntime.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:" + SchemaHistory.LOCATION)
          .failOnMissingLocations(true)
          .load();
      flyway.migrate();
      return flyway.info().pending().length;
    } catch (FlywayException e) {
      throw new StorageException("cannot migrate the database schema: " + e.getMessage(), e);
    }
  }

  /** Where the data lives, for logs and {@code --help}-style output (never a password). */
  public String description() {
    return description;
  }

  /** Whether every migration this build knows was applied (checked once, at start; for readiness checks). */
  public boolean migrationsCurrent() {
    return pendingMigrations == 0;
  }

  /**
   * Whether the database answers now (for readiness checks), within a second: the embedded
   * server's watcher knows at once; an external database is asked with a bounded wait.
   */
  public boolean isReachable() {
    if (embedded != null) {
      return embedded.health() == EmbeddedPostgresServer.Health.UP;
    }
    CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> {
      try (var c = pool.getConnection()) {
        return c.isValid(1);
      } catch (Exception e) {
        return false;
      }
    }, READINESS);
    try {
      return answer.get(READINESS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Connections of the pool in use now (for metrics). */
  public int activeConnections() {
    return pool.getHikariPoolMXBean().getActiveConnections();
  }

  /** Connections of the pool idle now. */
  public int idleConnections() {
    return pool.getHikariPoolMXBean().getIdleConnections();
  }

  /** Threads waiting for a connection now. */
  public int threadsAwaitingConnection() {
    return pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
  }

  /** The most connections the pool opens. */
  public int maxConnections() {
    return pool.getMaximumPoolSize();
  }

  JdbcTransactions transactions() {
    return transactions;
  }

  SecretCipher cipher() {
    return cipher;
  }

  MasterKeySource keys() {
    return keys;
  }

  DataSource dataSource() {
    return pool;
  }

  private synchronized void dropSignalsConnection() {
    if (signals != null) {
      signals.dropConnection();
    }
  }

  /** The challenge signals over this database's LISTEN/NOTIFY (one listening connection, made on first use). */
  synchronized JdbcChallengeSignals signals() {
    if (signals == null) {
      signals = new JdbcChallengeSignals(transactions(), pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }
    return signals;
  }

  EmbeddedPostgresServer embedded() {
    return embedded;
  }

  /** Closes the pool; stops the embedded PostgreSQL unless another process still uses it. */
  @Override
  public void close() {
    closeResources();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from another shutdown hook: ours runs (and does nothing) anyway.
    }
  }

  private void closeResources() {
    if (closed.getAndSet(true)) {
      return;
    }
    synchronized (this) {
      if (signals != null) {
        signals.close();
      }
    }
    pool.close();
    if (embedded != null) {
      EmbeddedPostgresServer.release(embedded);
    }
  }
}
