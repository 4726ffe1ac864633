package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.application.contract.EntryRepositoryContract;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.MasterKeyRotation;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Master key rotation with the key file: every data key and Duo secret key re-wrapped in one
 * transaction, entries untouched, and a failure at any point leaves every value readable with the
 * key file on disk (old or new).
 */
class MasterKeyRotationIT {
  private static final int WORKSPACES = 3;

  @TempDir
  Path dataDirectory;
  private String database;
  private HikariDataSource pool;
  private MasterKeySource keys;
  private GatehousePorts ports;
  /** Per entry: its workspace and secret, to check every one opens. */
  private final Map<Entry, String> secrets = new LinkedHashMap<>();
  private final List<Workspace> workspaces = new ArrayList<>();

  @BeforeEach
  void seed() {
    database = TestDatabase.createMigratedDatabase();
    pool = TestDatabase.pool(database, 10);
    keys = MasterKeys.load(PersistenceConfig.embedded(dataDirectory), pool);
    ports = JdbcPorts.on(pool, keys);
    User alice = StorageFixtures.aUser("alice");
    ports.users().add(alice);
    for (int w = 0; w < WORKSPACES; w++) {
      Workspace workspace = StorageFixtures.aWorkspace("servers" + w);
      ports.workspaces().add(workspace);
      ports.workspaces().putMember(workspace.id(), alice.name(), MemberRole.READER);
      ports.policies().save(workspace.id(), StorageFixtures.duoPolicy());
      workspaces.add(workspace);
      for (int e = 0; e < 2; e++) {
        String secret = "pw-" + w + "-" + e;
        Entry entry = Entry.create(ports.tokens().newEntryId(), workspace.id(),
            EntryRepositoryContract.details("db" + e), Optional.of(EntrySecret.password(secret).kind()),
            alice.name(), StorageFixtures.T0);
        ports.entries().add(entry, Optional.of(EntrySecret.password(secret)));
        secrets.put(entry, secret);
      }
    }
  }

  @AfterEach
  void dropDatabase() {
    pool.close();
    TestDatabase.drop(database);
  }

  @Test
  void rewrapsEveryDataKeyAndDuoSecretUnderANewKeyWithoutTouchingEntries() throws Exception {
    String oldKey = keys.current().id();
    String entriesBefore = digest("entries");

    MasterKeyRotation.Rotated rotated = ports.masterKeys().rotate();

    assertThat(rotated.previousKeyId()).isEqualTo(oldKey);
    assertThat(rotated.currentKeyId()).isNotEqualTo(oldKey).isEqualTo(keys.current().id());
    assertThat(rotated.rewrapped()).isEqualTo(2 * WORKSPACES);
    assertThat(storedKeyIds()).containsExactly(rotated.currentKeyId());
    assertThat(digest("entries")).isEqualTo(entriesBefore);
    assertThat(MasterKeys.readFile(keyFile()).keys()).extracting(MasterKey::id)
        .containsExactly(rotated.currentKeyId(), oldKey);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
    assertThat(keyFile().resolveSibling("master.key.new")).doesNotExist();
    // The new key alone opens everything: the old one is no longer needed by any row.
    assertEverythingOpensWith(MasterKeySource.fixed(KeyRing.of(MasterKeys.readFile(keyFile()).current())));
  }

  @Test
  void aFailureHalfwayRollsBackAndTheUnchangedKeyFileStillOpensEverything() throws Exception {
    String fileBefore = Files.readString(keyFile());
    String oldKey = keys.current().id();
    // The data keys are re-wrapped, then the second Duo secret key fails: the rotation is mid-way.
    execute("CREATE FUNCTION fail_rotation() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " RAISE EXCEPTION 'injected failure during the rotation'; END; $$");
    execute("CREATE TRIGGER fail_rotation BEFORE UPDATE ON mfa_policies FOR EACH ROW"
        + " WHEN (OLD.workspace_id = '" + sortedWorkspaceIds().get(1) + "') EXECUTE FUNCTION fail_rotation()");

    assertThatThrownBy(() -> ports.masterKeys().rotate())
        .isInstanceOf(StorageException.class).hasMessageContaining("injected failure");

    assertThat(storedKeyIds()).containsExactly(oldKey);
    assertThat(Files.readString(keyFile())).isEqualTo(fileBefore);
    assertThat(keys.current().id()).isEqualTo(oldKey);
    assertEverythingOpensWith(keys);
    assertEverythingOpensWith(MasterKeys.load(PersistenceConfig.embedded(dataDirectory), pool));

    execute("DROP TRIGGER fail_rotation ON mfa_policies");
    assertThat(ports.masterKeys().rotate().rewrapped()).isEqualTo(2 * WORKSPACES);
    assertEverythingOpensWith(MasterKeys.load(PersistenceConfig.embedded(dataDirectory), pool));
  }

  @Test
  void aCrashAfterTheNewKeyFileIsWrittenButBeforeTheCommitLeavesEverythingReadable() throws Exception {
    String oldKey = keys.current().id();

    assertThatThrownBy(() -> ports.unitOfWork().inTransaction(() -> {
      ports.masterKeys().rotate();
      throw new IllegalStateException("crash before the commit");
    })).hasMessage("crash before the commit");

    KeyRing onDisk = MasterKeys.readFile(keyFile());
    assertThat(onDisk.current().id()).isNotEqualTo(oldKey);
    assertThat(onDisk.ids()).contains(oldKey);
    assertThat(storedKeyIds()).containsExactly(oldKey);
    // A restart with the new file, and this process, read every old value and seal new ones.
    MasterKeySource restarted = MasterKeys.load(PersistenceConfig.embedded(dataDirectory), pool);
    assertEverythingOpensWith(restarted);
    assertEverythingOpensWith(keys);
    ports.policies().save(workspaces.get(0).id(), StorageFixtures.duoPolicy());
    assertThat(storedKeyIds()).containsExactlyInAnyOrder(oldKey, onDisk.current().id());
    assertEverythingOpensWith(MasterKeys.load(PersistenceConfig.embedded(dataDirectory), pool));
  }

  @Test
  void anotherProcessMeetingTheNewKeyReloadsTheKeyFileOnce() throws Exception {
    MasterKeySource otherProcess = MasterKeys.load(PersistenceConfig.embedded(dataDirectory), pool);
    String oldKey = otherProcess.current().id();

    MasterKeyRotation.Rotated rotated = ports.masterKeys().rotate();

    assertThat(otherProcess.ring().ids()).doesNotContain(rotated.currentKeyId());
    assertEverythingOpensWith(otherProcess);
    assertThat(otherProcess.current().id()).isEqualTo(rotated.currentKeyId());
    assertThat(otherProcess.ring().ids()).contains(oldKey);
  }

  @Test
  void rotatingTwiceKeepsEveryOlderKeyAfterTheNewest() throws Exception {
    String first = keys.current().id();
    String second = ports.masterKeys().rotate().currentKeyId();
    String third = ports.masterKeys().rotate().currentKeyId();

    assertThat(MasterKeys.readFile(keyFile()).keys()).extracting(MasterKey::id).containsExactly(third, second, first);
    assertThat(storedKeyIds()).containsExactly(third);
    assertEverythingOpensWith(MasterKeys.load(PersistenceConfig.embedded(dataDirectory), pool));
  }

  @Test
  void aConfiguredMasterKeyIsRotatedByConfigurationNotHere() throws Exception {
    Set<String> before = storedKeyIds();
    GatehousePorts configured = JdbcPorts.on(pool, keys.ring());

    assertThatThrownBy(() -> configured.masterKeys().rotate())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("GATEHOUSE_MASTER_KEY")
        .hasMessageContaining("GATEHOUSE_PREVIOUS_MASTER_KEYS");
    assertThat(storedKeyIds()).isEqualTo(before);
  }

  private void assertEverythingOpensWith(MasterKeySource source) {
    GatehousePorts reader = JdbcPorts.on(pool, source);
    for (Map.Entry<Entry, String> entry : secrets.entrySet()) {
      assertThat(reader.entries().secretOf(entry.getKey().workspace(), entry.getKey().id()).orElseThrow().reveal())
          .isEqualTo(entry.getValue());
    }
    for (Workspace workspace : workspaces) {
      assertThat(((MfaPolicy.Duo) reader.policies().find(workspace.id())).settings().secretKey().reveal())
          .isEqualTo(StorageFixtures.SECRET_KEY);
    }
  }

  private Path keyFile() {
    return dataDirectory.resolve(MasterKeys.FILE_NAME);
  }

  private List<String> sortedWorkspaceIds() {
    return workspaces.stream().map(w -> w.id().value()).sorted().toList();
  }

  private Set<String> storedKeyIds() throws SQLException {
    Set<String> ids = new TreeSet<>();
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT master_key_id FROM workspace_data_keys UNION ALL SELECT duo_secret_key_id FROM mfa_policies");
         ResultSet r = s.executeQuery()) {
      while (r.next()) {
        ids.add(r.getString(1));
      }
    }
    return ids;
  }

  private String digest(String table) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY t::text))"
             + " FROM " + table + " t")) {
      r.next();
      return r.getString(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
