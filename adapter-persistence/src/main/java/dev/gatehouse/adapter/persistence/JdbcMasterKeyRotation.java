package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.MasterKeyRotation;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Rotates the master key held in {@code <data-dir>/master.key}: a new random key re-wraps every
 * workspace data key and re-seals every Duo secret key in one transaction (joining the running
 * unit of work), entries untouched. The new key file — new key first, every older key after it —
 * replaces the old one before that transaction commits, so at every instant each stored value
 * opens with the file on disk: a crash before the commit leaves old-key rows and a file that
 * still holds the old key. A configured key (GATEHOUSE_MASTER_KEY) is refused: it is not ours to
 * replace.
 */
final class JdbcMasterKeyRotation implements MasterKeyRotation {
  /** A column triple holding values sealed directly under the master key, and how each row binds them. */
  private record SealedColumns(String table, String keyId, String nonce, String value,
      Function<WorkspaceId, String> associatedData, String what) {}

  /** One stored value to re-seal. */
  private record Row(WorkspaceId workspace, SecretCipher.Sealed sealed) {}

  private static final List<SealedColumns> SEALED = List.of(
      new SealedColumns("workspace_data_keys", "master_key_id", "nonce", "wrapped_key",
          EnvelopeCipher::dataKeyAssociatedData, "the data key"),
      new SealedColumns("mfa_policies", "duo_secret_key_id", "duo_secret_nonce", "duo_secret_ciphertext",
          JdbcMfaPolicyRepository::associatedData, "the Duo secret key"));

  private final JdbcTransactions db;
  private final MasterKeySource keys;
  private final SecureRandom random;

  JdbcMasterKeyRotation(JdbcTransactions db, MasterKeySource keys, SecureRandom random) {
    this.db = db;
    this.keys = keys;
    this.random = random;
  }

  @Override
  public Rotated rotate() {
    Path keyFile = keys.keyFile().orElseThrow(() -> new StorageException("cannot rotate the master key here:"
        + " it comes from the configuration (GATEHOUSE_MASTER_KEY), not from a key file. Rotate it there:"
        + " set GATEHOUSE_MASTER_KEY to a new key (base64 of 32 random bytes), add the current key to"
        + " GATEHOUSE_PREVIOUS_MASTER_KEYS (comma-separated) and restart: new values are sealed under the new"
        + " key, and values sealed under the old one stay readable while it is listed there."));
    return FileLocks.exclusively(MasterKeys.lockFile(keyFile), "rotate the master key", () -> {
      // The file as it is now: another process may have rotated since this one read it.
      KeyRing before = MasterKeys.readFile(keyFile);
      MasterKey next = MasterKey.random(random);
      KeyRing after = before.rotatedTo(next);
      int rewrapped = db.atomically("rotate the master key", c -> {
        // Writers of sealed values wait until the rotation ends; readers go on under the old key.
        try (PreparedStatement lock = c.prepareStatement(
            "LOCK TABLE workspace_data_keys, mfa_policies IN EXCLUSIVE MODE")) {
          lock.execute();
        }
        int count = 0;
        for (SealedColumns columns : SEALED) {
          count += reseal(c, columns, before, next);
        }
        try {
          MasterKeys.replace(keyFile, after);
        } catch (IOException e) {
          throw new StorageException("cannot rotate the master key: the new key file " + keyFile
              + " cannot be written (" + e.getClass().getSimpleName() + "); nothing was changed", e);
        }
        return count;
      });
      keys.install(after);
      return new Rotated(before.current().id(), next.id(), rewrapped);
    });
  }

  private int reseal(Connection c, SealedColumns columns, KeyRing before, MasterKey next) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT workspace_id, " + columns.keyId() + ", "
        + columns.nonce() + ", " + columns.value() + " FROM " + columns.table() + " ORDER BY workspace_id");
         ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(new Row(new WorkspaceId(r.getString(1)),
            new SecretCipher.Sealed(r.getString(2), r.getBytes(3), r.getBytes(4))));
      }
    }
    try (PreparedStatement update = c.prepareStatement("UPDATE " + columns.table() + " SET " + columns.keyId()
        + " = ?, " + columns.nonce() + " = ?, " + columns.value() + " = ?, updated_at = now()"
        + " WHERE workspace_id = ?")) {
      for (Row row : rows) {
        WorkspaceId workspace = row.workspace();
        SecretCipher.Sealed sealed = row.sealed();
        String what = columns.what() + " of workspace " + workspace;
        MasterKey old = before.find(sealed.keyId()).orElseThrow(() -> new StorageException("cannot rotate the"
            + " master key: " + what + " is sealed under master key id " + sealed.keyId()
            + ", which the key file does not hold"));
        String associatedData = columns.associatedData().apply(workspace);
        byte[] plain = SecretCipher.open(old.key(), old.id(), sealed, associatedData, what);
        SecretCipher.Sealed resealed;
        try {
          resealed = SecretCipher.seal(next.key(), next.id(), plain, associatedData, random);
        } finally {
          Arrays.fill(plain, (byte) 0);
        }
        update.setString(1, resealed.keyId());
        update.setBytes(2, resealed.nonce());
        update.setBytes(3, resealed.ciphertext());
        update.setString(4, workspace.value());
        update.executeUpdate();
      }
    }
    return rows.size();
  }
}
