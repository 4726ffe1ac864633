package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.application.contract.EntryRepositoryContract;
import dev.gatehouse.application.contract.StorageContract;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretChange;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entry secrets at rest: sealed under their workspace's data key, bound to their workspace, entry
 * and field, so a ciphertext moved anywhere else fails to open (a StorageException, never garbage),
 * and nothing stored holds a secret in plain text.
 */
class EnvelopeEncryptionIT {
  private static final String PASSWORD = "correct-horse-battery-staple-7Q!";
  private static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n"
      + "-----END OPENSSH PRIVATE KEY-----\n";

  private String database;
  private HikariDataSource pool;
  private GatehousePorts ports;
  private User alice;

  @BeforeEach
  void freshDatabase() {
    database = TestDatabase.createMigratedDatabase();
    pool = TestDatabase.pool(database, 10);
    ports = JdbcPorts.on(pool, TestKeys.randomRing());
    alice = StorageFixtures.aUser("alice");
    ports.users().add(alice);
  }

  @AfterEach
  void dropDatabase() {
    pool.close();
    TestDatabase.drop(database);
  }

  @Test
  void aSecretCopiedToAnotherEntryOfItsWorkspaceFailsToDecrypt() throws Exception {
    Workspace servers = workspace("servers");
    Entry db1 = entry(servers, "db1", Optional.of(EntrySecret.password(PASSWORD)));
    Entry db2 = entry(servers, "db2", Optional.of(EntrySecret.password("other")));

    copySecret(db1, db2, true);

    assertThatThrownBy(() -> ports.entries().secretOf(servers.id(), db2.id()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("authentication failed")
        .hasMessageNotContaining(PASSWORD);
    assertThat(ports.entries().secretOf(servers.id(), db1.id()).orElseThrow().reveal()).isEqualTo(PASSWORD);
  }

  @Test
  void aSecretCopiedToAnEntryOfAnotherWorkspaceFailsToDecrypt() throws Exception {
    Workspace servers = workspace("servers");
    Workspace other = workspace("other");
    Entry source = entry(servers, "db1", Optional.of(EntrySecret.password(PASSWORD)));
    Entry target = entry(other, "db1", Optional.of(EntrySecret.password("other")));

    // With its key id: the other workspace's data key is not the one it names.
    copySecret(source, target, true);
    assertThatThrownBy(() -> ports.entries().secretOf(other.id(), target.id()))
        .isInstanceOf(StorageException.class).hasMessageContaining("another row or workspace")
        .hasMessageNotContaining(PASSWORD);

    // Without it (nonce and ciphertext only, under the target's own key id): the other data key refuses it.
    Entry fresh = entry(other, "db2", Optional.of(EntrySecret.password("other")));
    copySecret(source, fresh, false);
    assertThatThrownBy(() -> ports.entries().secretOf(other.id(), fresh.id()))
        .isInstanceOf(StorageException.class).hasMessageContaining("authentication failed")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void aSecretWhoseKindWasChangedFailsToDecrypt() throws Exception {
    Workspace servers = workspace("servers");
    Entry db1 = entry(servers, "db1", Optional.of(EntrySecret.password(PASSWORD)));

    sql("UPDATE entries SET secret_kind = 'PRIVATE_KEY' WHERE id = '" + db1.id().value() + "'");

    assertThatThrownBy(() -> ports.entries().secretOf(servers.id(), db1.id()))
        .isInstanceOf(StorageException.class).hasMessageContaining("authentication failed");
  }

  @Test
  void aDataKeyCopiedToAnotherWorkspaceFailsToUnwrap() throws Exception {
    Workspace servers = workspace("servers");
    Workspace other = workspace("other");
    entry(servers, "db1", Optional.of(EntrySecret.password(PASSWORD)));
    Entry target = entry(other, "db1", Optional.of(EntrySecret.password("other")));

    sql("UPDATE workspace_data_keys t SET master_key_id = s.master_key_id, nonce = s.nonce,"
        + " wrapped_key = s.wrapped_key FROM workspace_data_keys s"
        + " WHERE s.workspace_id = '" + servers.id().value() + "' AND t.workspace_id = '" + other.id().value() + "'");

    assertThatThrownBy(() -> ports.entries().secretOf(other.id(), target.id()))
        .isInstanceOf(StorageException.class).hasMessageContaining("the data key of workspace " + other.id())
        .hasMessageContaining("authentication failed");
  }

  @Test
  void aSecretSealedUnderAnUnknownMasterKeyFailsWithAClearMessage() {
    Workspace servers = workspace("servers");
    Entry db1 = entry(servers, "db1", Optional.of(EntrySecret.password(PASSWORD)));
    GatehousePorts wrongKey = JdbcPorts.on(pool, TestKeys.randomRing());

    assertThatThrownBy(() -> wrongKey.entries().secretOf(servers.id(), db1.id()))
        .isInstanceOf(StorageException.class).hasMessageContaining("master key id")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void eachWorkspaceGetsItsOwnDataKeyWhenItsFirstSecretIsStored() throws Exception {
    Workspace servers = workspace("servers");
    Workspace other = workspace("other");
    Workspace empty = workspace("empty");
    entry(empty, "no-secret", Optional.empty());
    entry(servers, "db1", Optional.of(EntrySecret.password(PASSWORD)));
    entry(servers, "db2", Optional.of(EntrySecret.privateKey(PRIVATE_KEY)));
    entry(other, "db1", Optional.of(EntrySecret.password(PASSWORD)));

    assertThat(strings("SELECT workspace_id FROM workspace_data_keys ORDER BY workspace_id"))
        .containsExactlyInAnyOrder(servers.id().value(), other.id().value());
    assertThat(strings("SELECT DISTINCT workspace_id || ':' || secret_key_id FROM entries"
        + " WHERE secret_key_id IS NOT NULL")).hasSize(2);
    assertThat(strings("SELECT DISTINCT secret_key_id FROM entries WHERE secret_key_id IS NOT NULL")).hasSize(2);
  }

  @Test
  void concurrentFirstSecretsOfAWorkspaceShareOneDataKey() throws Exception {
    Workspace servers = workspace("servers");
    List<Entry> entries = Collections.synchronizedList(new ArrayList<>());
    StorageContract.concurrently(8, i -> ports.unitOfWork().inTransaction(() -> {
      entries.add(entry(servers, "db" + i, Optional.of(EntrySecret.password(PASSWORD + i))));
      return null;
    }));

    assertThat(strings("SELECT workspace_id FROM workspace_data_keys")).hasSize(1);
    for (Entry entry : entries) {
      assertThat(ports.entries().secretOf(servers.id(), entry.id()).orElseThrow().reveal())
          .isEqualTo(PASSWORD + entry.name().value().substring(2));
    }
  }

  @Test
  void nothingStoredHoldsASecretInPlainText() throws Exception {
    Workspace servers = workspace("servers");
    Entry password = entry(servers, "db1", Optional.of(EntrySecret.password(PASSWORD)));
    Entry key = entry(servers, "ssh1", Optional.of(EntrySecret.privateKey(PRIVATE_KEY)));
    ports.entries().update(password.edit(password.details(), SecretChange.KEEP,
        alice.name(), StorageFixtures.T0.plusSeconds(1)), SecretChange.KEEP);

    List<String> needles = List.of(PASSWORD, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU", "correct-horse");
    List<String> scanned = new ArrayList<>();
    try (Connection c = pool.getConnection()) {
      for (String[] column : textLikeColumns(c)) {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"" + column[1] + "\"::text::bytea FROM \"" + column[0] + "\"")) {
          while (r.next()) {
            byte[] value = r.getBytes(1);
            if (value != null) {
              String asText = new String(value, StandardCharsets.ISO_8859_1);
              for (String needle : needles) {
                assertThat(asText).as(column[0] + "." + column[1]).doesNotContain(needle);
              }
              scanned.add(column[0] + "." + column[1]);
            }
          }
        }
      }
    }
    assertThat(scanned).contains("entries.secret_ciphertext", "entries.notes", "entries.tags",
        "workspace_data_keys.wrapped_key");
    assertThat(ports.entries().secretOf(servers.id(), key.id()).orElseThrow().reveal()).isEqualTo(PRIVATE_KEY);
    assertThat(ports.entries().list(servers.id()).toString()).doesNotContain(PASSWORD);
  }

  private Workspace workspace(String name) {
    Workspace workspace = StorageFixtures.aWorkspace(name);
    ports.workspaces().add(workspace);
    ports.workspaces().putMember(workspace.id(), alice.name(), MemberRole.READER);
    return workspace;
  }

  private Entry entry(Workspace workspace, String name, Optional<EntrySecret> secret) {
    Entry entry = Entry.create(ports.tokens().newEntryId(), workspace.id(), EntryRepositoryContract.details(name),
        secret.map(EntrySecret::kind), alice.name(), StorageFixtures.T0);
    ports.entries().add(entry, secret);
    return entry;
  }

  /** Copies one row's sealed secret over another's, with or without the key id it names. */
  private void copySecret(Entry from, Entry to, boolean withKeyId) throws SQLException {
    sql("UPDATE entries t SET secret_kind = s.secret_kind, secret_nonce = s.secret_nonce,"
        + " secret_ciphertext = s.secret_ciphertext" + (withKeyId ? ", secret_key_id = s.secret_key_id" : "")
        + " FROM entries s WHERE s.id = '" + from.id().value() + "' AND t.id = '" + to.id().value() + "'");
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      assertThat(s.executeUpdate(statement)).as(statement).isEqualTo(1);
    }
  }

  private List<String> strings(String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(query);
         ResultSet r = s.executeQuery()) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  private static List<String[]> textLikeColumns(Connection c) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
             + " WHERE table_schema = 'public' AND data_type IN ('text', 'bytea', 'character varying', 'ARRAY')"
             + " ORDER BY table_name, column_name")) {
      while (r.next()) {
        columns.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    return columns;
  }
}
