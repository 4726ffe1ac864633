package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.StepUp;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.entry.EntryKind;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.EntryTag;
import dev.gatehouse.domain.entry.SecretChange;
import dev.gatehouse.domain.entry.SecretKind;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entries in {@code entries}; their secrets sealed in the same row by {@link EnvelopeCipher} and
 * read only by {@link #secretOf}. Edits are optimistic: {@code WHERE version = ?}.
 */
final class JdbcEntryRepository implements EntryRepository {
  private static final String COLUMNS = "id, workspace_id, name, kind, host, port, username, domain, url, notes,"
      + " tags, step_up_ms, created_at, created_by, updated_at, updated_by, version, secret_kind";

  private final JdbcTransactions db;
  private final EnvelopeCipher cipher;

  JdbcEntryRepository(JdbcTransactions db, EnvelopeCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  @Override
  public void add(Entry entry, Optional<EntrySecret> secret) {
    requireSameKind(entry, secret);
    db.atomically("add entry " + entry.name(), c -> {
      Optional<SecretCipher.Sealed> sealed = secret.isPresent()
          ? Optional.of(cipher.seal(c, entry.workspace(), entry.id(), secret.get())) : Optional.empty();
      return db.guarded("add entry " + entry.name(), g -> {
        try (PreparedStatement s = g.prepareStatement("INSERT INTO entries (id, workspace_id, name, kind, host,"
            + " port, username, domain, url, notes, tags, step_up_ms, created_at, created_by, updated_at, updated_by,"
            + " version, secret_kind, secret_key_id, secret_nonce, secret_ciphertext)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          s.setString(1, entry.id().value());
          s.setString(2, entry.workspace().value());
          int next = setDetails(g, s, 3, entry.details());
          Columns.setInstant(s, next, entry.createdAt());
          s.setString(next + 1, entry.createdBy().value());
          Columns.setInstant(s, next + 2, entry.updatedAt());
          s.setString(next + 3, entry.updatedBy().value());
          s.setLong(next + 4, entry.version());
          setSecret(s, next + 5, entry.secret(), sealed);
          return s.executeUpdate();
        }
      });
    });
  }

  @Override
  public Entry update(Entry entry, SecretChange secret) {
    Optional<EntrySecret> replacement = secret instanceof SecretChange.Replace replace
        ? Optional.of(replace.secret()) : Optional.empty();
    if (!(secret instanceof SecretChange.Keep)) {
      requireSameKind(entry, replacement);
    }
    int updated = db.atomically("update entry " + entry.name(), c -> {
      Optional<SecretCipher.Sealed> sealed = replacement.isPresent()
          ? Optional.of(cipher.seal(c, entry.workspace(), entry.id(), replacement.get())) : Optional.empty();
      String secretColumns = secret instanceof SecretChange.Keep ? ""
          : ", secret_kind = ?, secret_key_id = ?, secret_nonce = ?, secret_ciphertext = ?";
      return db.guarded("update entry " + entry.name(), g -> {
        try (PreparedStatement s = g.prepareStatement("UPDATE entries SET name = ?, kind = ?, host = ?, port = ?,"
            + " username = ?, domain = ?, url = ?, notes = ?, tags = ?, step_up_ms = ?, updated_at = ?, updated_by = ?,"
            + " version = version + 1" + secretColumns + " WHERE id = ? AND workspace_id = ? AND version = ?")) {
          int next = setDetails(g, s, 1, entry.details());
          Columns.setInstant(s, next, entry.updatedAt());
          s.setString(next + 1, entry.updatedBy().value());
          next += 2;
          if (!(secret instanceof SecretChange.Keep)) {
            setSecret(s, next, entry.secret(), sealed);
            next += 4;
          }
          s.setString(next, entry.id().value());
          s.setString(next + 1, entry.workspace().value());
          s.setLong(next + 2, entry.version());
          return s.executeUpdate();
        }
      });
    });
    if (updated == 0) {
      throw new ConcurrentUpdateException("entry " + entry.name() + " was changed or removed meanwhile"
          + " (version " + entry.version() + " is not the stored one)");
    }
    return entry.nextVersion();
  }

  @Override
  public boolean remove(WorkspaceId workspace, EntryId entry) {
    return db.run("remove entry " + entry, c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM entries WHERE workspace_id = ? AND id = ?")) {
        s.setString(1, workspace.value());
        s.setString(2, entry.value());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<Entry> find(WorkspaceId workspace, EntryName name) {
    return db.run("find entry " + name, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM entries WHERE workspace_id = ? AND name = ?")) {
        s.setString(1, workspace.value());
        s.setString(2, name.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(entry(r)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<Entry> list(WorkspaceId workspace) {
    return db.run("list entries of workspace " + workspace, c -> {
      // COLLATE "C": sorted as Java sorts strings, whatever the database's locale.
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM entries WHERE workspace_id = ? ORDER BY name COLLATE \"C\"")) {
        s.setString(1, workspace.value());
        try (ResultSet r = s.executeQuery()) {
          List<Entry> entries = new ArrayList<>();
          while (r.next()) {
            entries.add(entry(r));
          }
          return entries;
        }
      }
    });
  }

  @Override
  public Optional<EntrySecret> secretOf(WorkspaceId workspace, EntryId entry) {
    return db.run("read the secret of entry " + entry, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT e.secret_kind, e.secret_key_id, e.secret_nonce,"
          + " e.secret_ciphertext, k.master_key_id, k.nonce, k.wrapped_key FROM entries e"
          + " LEFT JOIN workspace_data_keys k ON k.workspace_id = e.workspace_id"
          + " WHERE e.workspace_id = ? AND e.id = ?")) {
        s.setString(1, workspace.value());
        s.setString(2, entry.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || r.getString("secret_kind") == null) {
            return Optional.empty();
          }
          SecretCipher.Sealed sealed = new SecretCipher.Sealed(r.getString("secret_key_id"),
              r.getBytes("secret_nonce"), r.getBytes("secret_ciphertext"));
          Optional<SecretCipher.Sealed> wrappedKey = r.getString("master_key_id") == null ? Optional.empty()
              : Optional.of(new SecretCipher.Sealed(r.getString("master_key_id"), r.getBytes("nonce"),
                  r.getBytes("wrapped_key")));
          return Optional.of(cipher.open(workspace, entry, SecretKind.valueOf(r.getString("secret_kind")), sealed,
              wrappedKey));
        }
      }
    });
  }

  /** The aggregate records the secret's kind; the secret handed over must be of that kind. */
  private static void requireSameKind(Entry entry, Optional<EntrySecret> secret) {
    if (!entry.secret().equals(secret.map(EntrySecret::kind))) {
      throw new IllegalArgumentException("entry " + entry.name() + " says its secret is " + entry.secret()
          + ", but the secret given is " + secret.map(EntrySecret::kind));
    }
  }

  /** Binds name, kind, host, port, username, domain, url, notes, tags and step-up; returns the next index. */
  private static int setDetails(Connection c, PreparedStatement s, int first, EntryDetails details)
      throws SQLException {
    s.setString(first, details.name().value());
    s.setString(first + 1, details.kind().name());
    s.setString(first + 2, details.host());
    if (details.port().isPresent()) {
      s.setInt(first + 3, details.port().get());
    } else {
      s.setNull(first + 3, Types.INTEGER);
    }
    Columns.setText(s, first + 4, details.username());
    Columns.setText(s, first + 5, details.domain());
    Columns.setText(s, first + 6, details.url());
    s.setString(first + 7, details.notes());
    Array tags = c.createArrayOf("text", details.tags().stream().map(EntryTag::value).toArray());
    s.setArray(first + 8, tags);
    if (details.stepUp().isPresent()) {
      s.setLong(first + 9, details.stepUp().get().maxAge().toMillis());
    } else {
      s.setNull(first + 9, Types.BIGINT);
    }
    return first + 10;
  }

  private static void setSecret(PreparedStatement s, int first, Optional<SecretKind> kind,
      Optional<SecretCipher.Sealed> sealed) throws SQLException {
    Columns.setText(s, first, kind.map(Enum::name));
    Columns.setText(s, first + 1, sealed.map(SecretCipher.Sealed::keyId));
    s.setBytes(first + 2, sealed.map(SecretCipher.Sealed::nonce).orElse(null));
    s.setBytes(first + 3, sealed.map(SecretCipher.Sealed::ciphertext).orElse(null));
  }

  private static Entry entry(ResultSet r) throws SQLException {
    Set<EntryTag> tags = new TreeSet<>();
    Array array = r.getArray("tags");
    for (Object tag : (Object[]) array.getArray()) {
      tags.add(new EntryTag((String) tag));
    }
    array.free();
    int port = r.getInt("port");
    Optional<Integer> maybePort = r.wasNull() ? Optional.empty() : Optional.of(port);
    long stepUpMillis = r.getLong("step_up_ms");
    Optional<StepUp> stepUp = r.wasNull() ? Optional.empty() : Optional.of(new StepUp(Duration.ofMillis(stepUpMillis)));
    EntryDetails details = EntryDetails.of(new EntryName(r.getString("name")), EntryKind.valueOf(r.getString("kind")),
        r.getString("host"), maybePort, Columns.optionalText(r, "username"), Columns.optionalText(r, "domain"),
        Columns.optionalText(r, "url"), r.getString("notes"), tags).withStepUp(stepUp);
    Optional<SecretKind> secret = Columns.optionalText(r, "secret_kind").map(SecretKind::valueOf);
    return Entry.restore(new EntryId(r.getString("id")), new WorkspaceId(r.getString("workspace_id")), details,
        secret, Columns.instant(r, "created_at"), UserName.trusted(r.getString("created_by")),
        Columns.instant(r, "updated_at"), UserName.trusted(r.getString("updated_by")), r.getLong("version"));
  }
}
