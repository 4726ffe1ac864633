package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretChange;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Stores a workspace's entries and their secrets, sealed at rest. Entries read back never carry
 * the secret; {@link #secretOf} opens it on its own. Methods throw {@link StorageException} when
 * storage fails.
 */
public interface EntryRepository {
  /** Stores a new entry with its secret (if any); throws {@link DuplicateEntryException} when its name is taken. */
  void add(Entry entry, Optional<EntrySecret> secret);

  /**
   * Stores an edited entry only while the stored version is still {@code entry.version()}, and
   * returns it one version later; throws {@link ConcurrentUpdateException} when it changed
   * meanwhile or is gone, {@link DuplicateEntryException} when it was renamed to a taken name.
   */
  Entry update(Entry entry, SecretChange secret);

  /** Removes the entry and its secret; returns whether it existed. */
  boolean remove(WorkspaceId workspace, EntryId entry);

  Optional<Entry> find(WorkspaceId workspace, EntryName name);

  /** The workspace's entries, sorted by name. */
  List<Entry> list(WorkspaceId workspace);

  /** The entry's secret in plain text; empty when it has none. */
  Optional<EntrySecret> secretOf(WorkspaceId workspace, EntryId entry);
}
