package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.application.contract.EntryRepositoryContract;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.port.out.AuditFilter;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretKind;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class MigrationIT {
  @Test
  void migratesAnEmptyDatabaseToTheCurrentSchemaAndThenDoesNothing() throws Exception {
    String database = TestDatabase.createEmptyDatabase();
    try (HikariDataSource pool = TestDatabase.pool(database, 2)) {
      assertThat(PersistenceRuntime.migrate(pool)).as("pending after migrating").isZero();
      assertThat(PersistenceRuntime.migrate(pool)).isZero();

      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        assertThat(strings(s, "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL"
            + " ORDER BY installed_rank"))
            .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "7:true", "8:true");
        assertThat(strings(s, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            + " AND table_name <> 'flyway_schema_history' ORDER BY table_name"))
            .containsExactly("access_guards", "api_tokens", "audit_events", "challenges", "device_choices",
                "entries", "mfa_policies", "passcode_failures", "users", "workspace_data_keys", "workspace_members",
                "workspace_sessions", "workspaces");
        assertThat(strings(s, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
            .contains("challenges_one_open_out_of_band", "challenges_open_by_expiry", "audit_events_by_workspace",
                "audit_events_by_actor", "audit_events_by_subject", "workspace_sessions_latest_duo_approved",
                "workspace_sessions_live", "api_tokens_id_key", "workspace_sessions_id_key", "entries_name_per_workspace",
                "challenges_step_up", "challenges_pending_by_owner");
        assertThat(strings(s, "SELECT column_name FROM information_schema.columns WHERE table_name = 'challenges'"))
            .contains("version", "lease_owner", "lease_until", "verification_code", "settled_by", "step_up_entry_id",
                "step_up_session_id", "end_code");
        assertThat(strings(s, "SELECT column_name FROM information_schema.columns WHERE table_name = 'entries'"))
            .contains("step_up_ms");
      }
    } finally {
      TestDatabase.drop(database);
    }
  }

  @Test
  void migratesAVersionTwoDatabaseWithDataAndEveryRowKeepsWorking() throws Exception {
    String database = TestDatabase.createEmptyDatabase();
    KeyRing keys = TestKeys.randomRing();
    String workspaceId = "ws-v2-0000001";
    String tokenHash = "a".repeat(64);
    String sessionHash = "b".repeat(64);
    try (HikariDataSource pool = TestDatabase.pool(database, 4)) {
      Flyway.configure(PersistenceRuntime.class.getClassLoader()).dataSource(pool)
          .locations("classpath:db/migration").target("2").load().migrate();
      SecretCipher.Sealed duoSecret = new SecretCipher(keys).seal(StorageFixtures.SECRET_KEY,
          JdbcMfaPolicyRepository.associatedData(new WorkspaceId(workspaceId)));
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO users VALUES ('alice', 'ADMINISTRATOR', 'alice', '2026-01-01T00:00:00Z'),"
            + " ('bob', 'MEMBER', 'bob', '2026-01-01T00:00:00Z')");
        s.execute("INSERT INTO api_tokens VALUES ('" + tokenHash + "', 'bob', '2026-01-02T00:00:00Z')");
        s.execute("INSERT INTO workspaces VALUES ('" + workspaceId + "', 'servers', '', '2026-01-01T00:00:00Z')");
        s.execute("INSERT INTO workspace_members VALUES ('" + workspaceId + "', 'bob')");
        s.execute("INSERT INTO workspace_sessions VALUES ('" + sessionHash + "', '" + workspaceId + "', 'bob',"
            + " 'DUO_APPROVED', '2026-11-29T08:00:00Z', '2026-11-29T16:00:00Z')");
        s.execute("INSERT INTO audit_events (occurred_at, type, actor, outcome, detail)"
            + " VALUES ('2026-01-01T00:00:00Z', 'USER_ADDED', 'alice', 'ok', 'from version 2')");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mfa_policies (workspace_id, provider,"
            + " api_hostname, integration_key, duo_secret_key_id, duo_secret_nonce, duo_secret_ciphertext, failmode,"
            + " session_lifetime_ms, challenge_lifetime_ms, push_cooldown_ms, remember_for_ms)"
            + " VALUES (?, 'DUO', 'api-xxxxxxxx.duosecurity.com', ?, ?, ?, ?, 'SECURE', 28800000, 90000, 5000, 0)")) {
          p.setString(1, workspaceId);
          p.setString(2, StorageFixtures.INTEGRATION_KEY);
          p.setString(3, duoSecret.keyId());
          p.setBytes(4, duoSecret.nonce());
          p.setBytes(5, duoSecret.ciphertext());
          p.executeUpdate();
        }
      }

      PersistenceRuntime.migrate(pool);

      GatehousePorts ports = JdbcPorts.on(pool, keys);
      UserName bob = new UserName("bob");
      assertThat(ports.users().list()).extracting(User::isDisabled).containsExactly(false, false);
      ApiToken token = ports.apiTokens().find(new TokenHash(tokenHash)).orElseThrow().token();
      assertThat(token.scopes()).isEmpty();
      assertThat(token.expiresAt()).isEmpty();
      assertThat(token.isActiveAt(StorageFixtures.T0)).isTrue();
      assertThat(ports.apiTokens().find(token.id())).contains(token);
      Workspace workspace = ports.workspaces().find(new WorkspaceName("servers")).orElseThrow();
      assertThat(ports.workspaces().members(workspace.id())).containsExactly(Map.entry(bob, MemberRole.READER));
      WorkspaceSession session = ports.sessions().find(new TokenHash(sessionHash)).orElseThrow();
      assertThat(session.isLiveAt(StorageFixtures.T0)).isTrue();
      assertThat(ports.sessions().listLive(workspace.id(), StorageFixtures.T0)).containsExactly(session);
      assertThat(((MfaPolicy.Duo) ports.policies().find(workspace.id())).settings().secretKey().reveal())
          .isEqualTo(StorageFixtures.SECRET_KEY);

      // And the new life cycle works on the old rows.
      assertThat(ports.apiTokens().revoke(token.id(), StorageFixtures.T0)).isTrue();
      assertThat(ports.sessions().revoke(session.id(), StorageFixtures.T0)).isTrue();
      ports.workspaces().putMember(workspace.id(), bob, MemberRole.EDITOR);
      Entry entry = Entry.create(ports.tokens().newEntryId(), workspace.id(), EntryRepositoryContract.details("db1"),
          Optional.of(SecretKind.PASSWORD), bob, StorageFixtures.T0);
      ports.entries().add(entry, Optional.of(EntrySecret.password("s3cr3t")));
      assertThat(ports.entries().secretOf(workspace.id(), entry.id()).orElseThrow().reveal()).isEqualTo("s3cr3t");
      ports.audit().append(AuditEvent.of(AuditEventType.CREDENTIAL_REVEALED, StorageFixtures.T0).actor(bob).build());
      assertThat(ports.audit().list(new AuditFilter(Optional.empty(), Optional.empty(), 10)))
          .extracting(AuditEvent::type).containsExactly(AuditEventType.CREDENTIAL_REVEALED, AuditEventType.USER_ADDED);
      // A restart checks the stored key ids, the data key's too.
      assertThat(MasterKeys.load(PersistenceConfig.embedded(Path.of("unused")).withMasterKey(keys.current().toBase64()),
          pool).ring().ids()).contains(keys.current().id());
    } finally {
      TestDatabase.drop(database);
    }
  }

  @Test
  void lowerCasesUserNamesEverywhereTheyAreKeys() throws Exception {
    String database = TestDatabase.createEmptyDatabase();
    String workspaceId = "ws-v5-0000001";
    try (HikariDataSource pool = TestDatabase.pool(database, 2)) {
      Flyway.configure(PersistenceRuntime.class.getClassLoader()).dataSource(pool)
          .locations("classpath:db/migration").target("5").load().migrate();
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO users VALUES ('Alice', 'ADMINISTRATOR', 'Alice', '2026-01-01T00:00:00Z'),"
            + " ('Bob.Smith', 'MEMBER', 'bob@corp.example', '2026-01-01T00:00:00Z'),"
            + " ('carol', 'MEMBER', 'carol', '2026-01-01T00:00:00Z')");
        s.execute("INSERT INTO api_tokens (token_hash, owner, issued_at, id)"
            + " VALUES ('" + "c".repeat(64) + "', 'Bob.Smith', '2026-01-02T00:00:00Z', 'tok-00000001')");
        s.execute("INSERT INTO workspaces VALUES ('" + workspaceId + "', 'servers', '', '2026-01-01T00:00:00Z')");
        s.execute("INSERT INTO workspace_members VALUES ('" + workspaceId + "', 'Bob.Smith', 'EDITOR'),"
            + " ('" + workspaceId + "', 'carol', 'READER')");
        s.execute("INSERT INTO access_guards (workspace_id, user_name, locked_until)"
            + " VALUES ('" + workspaceId + "', 'Bob.Smith', '2026-01-03T00:00:00Z')");
        s.execute("INSERT INTO passcode_failures VALUES ('" + workspaceId + "', 'Bob.Smith', 0, '2026-01-02T00:00:00Z')");
      }

      assertThat(PersistenceRuntime.migrate(pool)).isZero();

      GatehousePorts ports = JdbcPorts.on(pool, TestKeys.randomRing());
      assertThat(ports.users().list()).extracting(u -> u.name().value() + "/" + u.duoUsername().value())
          .containsExactly("alice/alice", "bob.smith/bob@corp.example", "carol/carol");
      UserName bob = new UserName("BOB.SMITH");
      assertThat(ports.users().find(bob)).isPresent();
      assertThat(ports.apiTokens().find(new TokenHash("c".repeat(64))).orElseThrow().token().owner()).isEqualTo(bob);
      WorkspaceId workspace = new WorkspaceId(workspaceId);
      assertThat(ports.workspaces().roleOf(workspace, bob)).contains(MemberRole.EDITOR);
      assertThat(ports.guards().find(workspace, bob)).isPresent();
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        assertThat(strings(s, "SELECT user_name FROM passcode_failures")).containsExactly("bob.smith");
        assertThatThrownBy(() -> s.execute("INSERT INTO users VALUES ('Dave', 'MEMBER', 'dave', now(), false)"))
            .hasMessageContaining("users_name_canonical");
      }
    } finally {
      TestDatabase.drop(database);
    }
  }

  @Test
  void refusesToMergeUsersWhoseNamesDifferOnlyInCaseAndNamesThem() throws Exception {
    String database = TestDatabase.createEmptyDatabase();
    try (HikariDataSource pool = TestDatabase.pool(database, 2)) {
      Flyway.configure(PersistenceRuntime.class.getClassLoader()).dataSource(pool)
          .locations("classpath:db/migration").target("5").load().migrate();
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO users VALUES ('Alice', 'ADMINISTRATOR', 'Alice', '2026-01-01T00:00:00Z'),"
            + " ('alice', 'MEMBER', 'alice', '2026-01-01T00:00:00Z'), ('bob', 'MEMBER', 'bob', '2026-01-01T00:00:00Z')");
      }

      assertThatThrownBy(() -> PersistenceRuntime.migrate(pool))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("differ only in case: Alice and alice");

      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        assertThat(strings(s, "SELECT name FROM users ORDER BY name COLLATE \"C\"")).containsExactly("Alice", "alice", "bob");
        assertThat(strings(s, "SELECT max(version::int)::text FROM flyway_schema_history WHERE success"))
            .containsExactly("5");
      }
    } finally {
      TestDatabase.drop(database);
    }
  }

  @Test
  void aCurrentSchemaIsRecognisedWithoutFlywayAndWithFlywaysOwnChecksums() throws Exception {
    String database = TestDatabase.createEmptyDatabase();
    try (HikariDataSource pool = TestDatabase.pool(database, 2)) {
      assertThat(SchemaHistory.isCurrent(pool)).as("no schema yet").isFalse();
      Flyway.configure(PersistenceRuntime.class.getClassLoader()).dataSource(pool)
          .locations("classpath:db/migration").target("2").load().migrate();
      assertThat(SchemaHistory.isCurrent(pool)).as("an older schema").isFalse();

      assertThat(PersistenceRuntime.migrate(pool)).isZero();

      assertThat(SchemaHistory.isCurrent(pool)).isTrue();
      Map<String, Integer> recorded = new HashMap<>();
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT script, checksum FROM flyway_schema_history")) {
        while (r.next()) {
          recorded.put(r.getString(1), r.getInt(2));
        }
      }
      assertThat(SchemaHistory.shippedScripts()).as("what Flyway recorded").isEqualTo(recorded)
          .containsKeys("V1__initial_schema.sql", "V7__challenge_leases.sql", "V8__challenge_end_codes.sql");
    } finally {
      TestDatabase.drop(database);
    }
  }

  @Test
  void aNewerFailedOrEditedHistoryIsLeftToFlyway() throws Exception {
    String database = TestDatabase.createEmptyDatabase();
    try (HikariDataSource pool = TestDatabase.pool(database, 4)) {
      PersistenceRuntime.migrate(pool);
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
            + " installed_by, execution_time, success) VALUES (99, '99', 'from a newer build', 'SQL',"
            + " 'V99__from_a_newer_build.sql', 1, 'gatehouse', 1, true)");
        assertThat(SchemaHistory.isCurrent(pool)).as("a newer schema").isFalse();
        assertThat(PersistenceRuntime.migrate(pool)).as("Flyway warns about a newer schema and goes on, as before")
            .isZero();
        s.execute("UPDATE flyway_schema_history SET success = false WHERE version = '99'");
        assertThat(SchemaHistory.isCurrent(pool)).as("a failed migration").isFalse();
        s.execute("DELETE FROM flyway_schema_history WHERE version = '99'");
        assertThat(SchemaHistory.isCurrent(pool)).isTrue();

        s.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");
        assertThat(SchemaHistory.isCurrent(pool)).as("an edited migration").isFalse();
        assertThatThrownBy(() -> PersistenceRuntime.migrate(pool)).as("Flyway's validation still runs")
            .isInstanceOf(StorageException.class).hasMessageContaining("checksum");
      }
    } finally {
      TestDatabase.drop(database);
    }
  }

  private static List<String> strings(Statement s, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }
}
