package dev.gatehouse.adapter.persistence;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The key ring in force in this process. A ring read from the key file is reloaded from it when a
 * stored value names a key the ring lacks (another process rotated the key since this one read
 * the file), once per such value, before the value is given up as unreadable; a rotation in this
 * process installs its new ring. A configured ring is fixed.
 */
final class MasterKeySource {
  private final Optional<Path> keyFile;
  private volatile KeyRing ring;

  private MasterKeySource(KeyRing ring, Optional<Path> keyFile) {
    this.ring = ring;
    this.keyFile = keyFile;
  }

  /** Keys that come from the configuration: never reloaded, never rotated here. */
  static MasterKeySource fixed(KeyRing ring) {
    return new MasterKeySource(ring, Optional.empty());
  }

  /** Keys read from the key file, reloaded from it on a miss. */
  static MasterKeySource fromFile(KeyRing loaded, Path keyFile) {
    return new MasterKeySource(loaded, Optional.of(keyFile));
  }

  KeyRing ring() {
    return ring;
  }

  MasterKey current() {
    return ring.current();
  }

  /** The key with this id; on a miss, the key file is read again first (when there is one). */
  Optional<MasterKey> find(String id) {
    Optional<MasterKey> found = ring.find(id);
    if (found.isPresent() || keyFile.isEmpty()) {
      return found;
    }
    synchronized (this) {
      found = ring.find(id);
      if (found.isEmpty()) {
        // The file is replaced by an atomic rename, so it is read whole without the lock.
        ring = MasterKeys.readFile(keyFile.get());
        found = ring.find(id);
      }
    }
    return found;
  }

  /** The key file this ring comes from; empty when the keys come from the configuration. */
  Optional<Path> keyFile() {
    return keyFile;
  }

  /** Puts a rotated ring in force (its keys were written to the key file first). */
  synchronized void install(KeyRing rotated) {
    ring = rotated;
  }
}
