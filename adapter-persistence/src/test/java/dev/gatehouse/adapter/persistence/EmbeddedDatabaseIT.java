package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.application.port.in.MasterKeyRotated;
import dev.gatehouse.application.port.in.RotateMasterKeyCommand;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.MasterKeyRotation;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.application.service.SecureRandomTokenSource;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's embedded default on one persistent data directory, in order: first start, restart,
 * wrong and missing master keys, a stale pid file, two runtimes in one JVM, a master key rotation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseIT {
  private static final List<String> TABLES = List.of("users", "api_tokens", "workspaces", "workspace_members",
      "mfa_policies", "device_choices", "challenges", "workspace_sessions", "access_guards", "passcode_failures",
      "entries", "workspace_data_keys", "audit_events");

  @TempDir
  static Path dataDirectory;
  private Map<String, String> rowsBeforeRestart;

  @Test
  @Order(1)
  void firstStartCreatesADurableLoopbackDatabaseAndAPrivateKeyFile() throws Exception {
    long started = System.nanoTime();
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      log("cold start (initdb + start + migrate)", started);
      assertThat(runtime.embedded().startedHere()).isTrue();
      assertThat(runtime.isReachable()).isTrue();
      try (Connection c = runtime.dataSource().getConnection(); Statement s = c.createStatement()) {
        assertThat(setting(s, "fsync")).isEqualTo("on");
        assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(s, "full_page_writes")).isEqualTo("on");
        assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(setting(s, "data_directory")).isEqualTo(dataDirectory.resolve("pg").toString());
      }
      Path keyFile = dataDirectory.resolve("master.key");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
      Path passwordFile = dataDirectory.resolve("pg.password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
      assertThat(PgHbaHardening.refusesWithoutPassword(runtime.embedded().port()))
          .as("no login without the password").isTrue();

      FakeSecondFactorGateway duo = GatehouseFlow.duo();
      GatehouseFlow.run(portsFromModule(runtime, duo), duo);
      rowsBeforeRestart = rows(runtime);
      assertThat(rowsBeforeRestart).allSatisfy((table, digest) -> assertThat(digest).as(table).isNotEqualTo("0:"));
    }
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).as("stopped cleanly").doesNotExist();
  }

  @Test
  @Order(2)
  void aRestartOnTheSameDataDirectoryKeepsEveryRow() throws Exception {
    long started = System.nanoTime();
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      log("warm start (existing data directory)", started);
      assertThat(rows(runtime)).isEqualTo(rowsBeforeRestart);
      MfaPolicy policy = new JdbcMfaPolicyRepository(runtime.transactions(), runtime.cipher())
          .find(new JdbcWorkspaceRepository(runtime.transactions()).find(GatehouseFlow.WORKSPACE).orElseThrow().id());
      assertThat(((MfaPolicy.Duo) policy).settings().secretKey().reveal()).isEqualTo(StorageFixtures.SECRET_KEY);
      assertThat(entryPassword(runtime)).isEqualTo(GatehouseFlow.ENTRY_PASSWORD);
    }
  }

  @Test
  @Order(3)
  void aWrongMasterKeyFailsAtStartupWithAClearMessage() {
    PersistenceConfig wrongKey = PersistenceConfig.embedded(dataDirectory).withMasterKey(TestKeys.randomBase64());
    assertThatThrownBy(() -> PersistenceRuntime.start(wrongKey))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("wrong master key")
        .hasMessageContaining("GATEHOUSE_MASTER_KEY");
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).as("released after the failed start").doesNotExist();
  }

  @Test
  @Order(4)
  void aMissingKeyFileFailsAtStartupInsteadOfMintingANewKey() throws Exception {
    Path keyFile = dataDirectory.resolve("master.key");
    Path aside = dataDirectory.resolve("master.key.aside");
    Files.move(keyFile, aside);
    try {
      assertThatThrownBy(() -> PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("no master key")
          .hasMessageContaining(keyFile.toString());
      assertThat(keyFile).doesNotExist();
    } finally {
      Files.move(aside, keyFile, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  @Order(5)
  void aStalePidFileLeftByACrashDoesNotBlockTheNextStart() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(dataDirectory.resolve("pg/postmaster.pid"),
        gone.pid() + "\n" + dataDirectory.resolve("pg") + "\n1700000000\n54321\n\n127.0.0.1\n0\nready\n");
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      assertThat(runtime.embedded().startedHere()).isTrue();
      assertThat(rows(runtime)).isEqualTo(rowsBeforeRestart);
    }
  }

  @Test
  @Order(6)
  void twoRuntimesInOneJvmShareOneServerAndTheLastOneStopsIt() throws Exception {
    PersistenceRuntime first = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory));
    try (PersistenceRuntime second = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      assertThat(second.embedded().port()).isEqualTo(first.embedded().port());
      first.close();
      assertThat(second.isReachable()).isTrue();
      assertThat(rows(second)).isEqualTo(rowsBeforeRestart);
    }
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).doesNotExist();
  }

  @Test
  @Order(7)
  void aRotationThroughTheUseCaseRewritesTheKeyFileAndARestartReadsEverything() throws Exception {
    String oldKey;
    String newKey;
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      oldKey = runtime.keys().current().id();
      MasterKeyRotated rotated = Gatehouse.assemble(portsFromModule(runtime, GatehouseFlow.duo())).rotateMasterKey()
          .rotate(new RotateMasterKeyCommand(GatehouseFlow.ADMIN));
      newKey = rotated.currentKeyId();
      assertThat(rotated.previousKeyId()).isEqualTo(oldKey);
      assertThat(rotated.rewrapped()).isEqualTo(2);
      assertThat(entryPassword(runtime)).isEqualTo(GatehouseFlow.ENTRY_PASSWORD);
    }
    assertThat(MasterKeys.readFile(dataDirectory.resolve("master.key")).keys()).extracting(MasterKey::id)
        .containsExactly(newKey, oldKey);
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      assertThat(runtime.keys().current().id()).isEqualTo(newKey);
      assertThat(entryPassword(runtime)).isEqualTo(GatehouseFlow.ENTRY_PASSWORD);
    }
  }

  private static String entryPassword(PersistenceRuntime runtime) {
    WorkspaceId workspace = new JdbcWorkspaceRepository(runtime.transactions()).find(GatehouseFlow.WORKSPACE)
        .orElseThrow().id();
    JdbcEntryRepository entries = new JdbcEntryRepository(runtime.transactions(), new EnvelopeCipher(runtime.cipher()));
    return entries.secretOf(workspace, entries.find(workspace, GatehouseFlow.ENTRY).orElseThrow().id())
        .orElseThrow().reveal();
  }

  static GatehousePorts portsFromModule(PersistenceRuntime runtime, FakeSecondFactorGateway duo) {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
        new PersistenceModule(runtime));
    return new GatehousePorts(injector.getInstance(UserRepository.class), injector.getInstance(ApiTokenRepository.class),
        injector.getInstance(WorkspaceRepository.class), injector.getInstance(MfaPolicyRepository.class),
        injector.getInstance(DeviceChoiceRepository.class), injector.getInstance(ChallengeRepository.class),
        injector.getInstance(WorkspaceSessionRepository.class), injector.getInstance(AccessGuardRepository.class),
        injector.getInstance(EntryRepository.class), injector.getInstance(AuditLog.class),
        injector.getInstance(UnitOfWork.class), duo, injector.getInstance(MasterKeyRotation.class),
        new SecureRandomTokenSource(), MutableClock.startingAt("2026-11-29T09:00:00Z"));
  }

  /** Per table: row count and a digest of every row's text form. */
  static Map<String, String> rows(PersistenceRuntime runtime) throws Exception {
    Map<String, String> digests = new TreeMap<>();
    try (Connection c = runtime.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet r = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
            + " ORDER BY t::text)), '') FROM " + table + " t")) {
          r.next();
          digests.put(table, r.getString(1));
        }
      }
    }
    return digests;
  }

  private static String setting(Statement s, String name) throws Exception {
    try (ResultSet r = s.executeQuery("SHOW " + name)) {
      r.next();
      return r.getString(1);
    }
  }

  private static void log(String what, long startedNanos) {
    System.err.printf("[timing] embedded PostgreSQL %s: %d ms%n", what,
        (System.nanoTime() - startedNanos) / 1_000_000);
  }
}
