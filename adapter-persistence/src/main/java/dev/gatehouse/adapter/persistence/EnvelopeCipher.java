package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretKind;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Envelope encryption of entry secrets: each workspace has its own random 256-bit data key,
 * created on first need and stored in {@code workspace_data_keys} only wrapped by the master key
 * (bound to its workspace); secrets are sealed under the workspace's data key, bound to their
 * workspace, entry and field. A master key rotation re-wraps data keys and never touches entries.
 */
final class EnvelopeCipher {
  private final SecretCipher master;

  EnvelopeCipher(SecretCipher master) {
    this.master = master;
  }

  /** Binds a wrapped data key to its workspace. */
  static String dataKeyAssociatedData(WorkspaceId workspace) {
    return "workspace_data_keys.wrapped_key|" + workspace.value();
  }

  /** Binds a sealed secret to its workspace, entry and field. */
  static String secretAssociatedData(WorkspaceId workspace, EntryId entry, SecretKind kind) {
    return "entries.secret|" + workspace.value() + "|" + entry.value() + "|" + kind.wireName();
  }

  /** Seals the secret under the workspace's data key, creating that key if the workspace has none yet. */
  SecretCipher.Sealed seal(Connection c, WorkspaceId workspace, EntryId entry, EntrySecret secret)
      throws SQLException {
    DataKey key = dataKeyForSealing(c, workspace);
    byte[] plain = SecretCipher.utf8(secret.reveal());
    try {
      return SecretCipher.seal(key.key(), key.id(), plain, secretAssociatedData(workspace, entry, secret.kind()),
          master.random());
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Opens a secret sealed by {@link #seal} with the workspace's wrapped data key as stored. */
  EntrySecret open(WorkspaceId workspace, EntryId entry, SecretKind kind, SecretCipher.Sealed sealed,
      Optional<SecretCipher.Sealed> wrappedKey) {
    String what = "the secret of entry " + entry + " in workspace " + workspace;
    DataKey key = unwrap(workspace, wrappedKey.orElseThrow(() -> new StorageException(
        "cannot decrypt " + what + ": the workspace has no data key")));
    byte[] plain = SecretCipher.open(key.key(), key.id(), sealed, secretAssociatedData(workspace, entry, kind), what);
    try {
      return EntrySecret.of(kind, SecretCipher.text(plain, what));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private DataKey dataKeyForSealing(Connection c, WorkspaceId workspace) throws SQLException {
    Optional<SecretCipher.Sealed> stored = wrappedKey(c, workspace);
    if (stored.isEmpty()) {
      byte[] material = new byte[DataKey.BYTES];
      master.random().nextBytes(material);
      SecretCipher.Sealed wrapped;
      try {
        wrapped = master.sealBytes(material, dataKeyAssociatedData(workspace));
      } finally {
        Arrays.fill(material, (byte) 0);
      }
      // Two first secrets at once: one key wins, the other writer waits for it and then reads it.
      try (PreparedStatement s = c.prepareStatement("INSERT INTO workspace_data_keys"
          + " (workspace_id, master_key_id, nonce, wrapped_key) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (workspace_id) DO NOTHING")) {
        s.setString(1, workspace.value());
        s.setString(2, wrapped.keyId());
        s.setBytes(3, wrapped.nonce());
        s.setBytes(4, wrapped.ciphertext());
        s.executeUpdate();
      }
      stored = wrappedKey(c, workspace);
    }
    return unwrap(workspace, stored.orElseThrow(() -> new StorageException(
        "the data key of workspace " + workspace + " vanished while it was created")));
  }

  private DataKey unwrap(WorkspaceId workspace, SecretCipher.Sealed wrapped) {
    return DataKey.consume(master.openBytes(wrapped, dataKeyAssociatedData(workspace),
        "the data key of workspace " + workspace));
  }

  private static Optional<SecretCipher.Sealed> wrappedKey(Connection c, WorkspaceId workspace) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT master_key_id, nonce, wrapped_key FROM workspace_data_keys WHERE workspace_id = ?")) {
      s.setString(1, workspace.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(new SecretCipher.Sealed(r.getString("master_key_id"), r.getBytes("nonce"),
            r.getBytes("wrapped_key"))) : Optional.empty();
      }
    }
  }
}
