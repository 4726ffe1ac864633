package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Loads the key ring: the configured master key, or {@code <data-dir>/master.key} (created with
 * mode 0600 on first run), and checks it against the key ids stored in the database so a wrong or
 * missing key fails at startup with a clear message instead of at the first read.
 */
final class MasterKeys {
  static final String FILE_NAME = "master.key";
  private static final String HEADER = "# Gatehouse master key (AES-256, base64). The first key seals new values;\n"
      + "# keys below it only open values sealed before a rotation. Back this file up: without it the\n"
      + "# stored Duo secret keys and entry secrets cannot be read.\n";

  private MasterKeys() {}

  static MasterKeySource load(PersistenceConfig config, DataSource database) {
    Set<String> storedIds = storedKeyIds(database);
    Path keyFile = config.dataDirectory().resolve(FILE_NAME);
    MasterKeySource keys = config.masterKey().isPresent()
        ? MasterKeySource.fixed(fromConfig(config))
        : MasterKeySource.fromFile(FileLocks.exclusively(lockFile(keyFile), "read the master key",
            () -> fromFile(keyFile, storedIds)), keyFile);
    KeyRing ring = keys.ring();
    Set<String> unknown = new TreeSet<>(storedIds);
    unknown.removeAll(ring.ids());
    if (!unknown.isEmpty()) {
      throw new StorageException("wrong master key: the database holds secrets sealed under master key id(s) "
          + unknown + ", but the configured key has id " + ring.current().id() + " (" + source(config)
          + "). Supply the key they were sealed with, or add it as a previous key after a rotation.");
    }
    return keys;
  }

  /** The file that serialises creating, rotating and reading the key file between processes. */
  static Path lockFile(Path keyFile) {
    return keyFile.resolveSibling(FILE_NAME + ".lock");
  }

  private static String source(PersistenceConfig config) {
    return config.masterKey().isPresent() ? "from the configuration, e.g. GATEHOUSE_MASTER_KEY"
        : "from " + config.dataDirectory().resolve(FILE_NAME);
  }

  private static KeyRing fromConfig(PersistenceConfig config) {
    MasterKey current = MasterKey.fromBase64("the configuration (GATEHOUSE_MASTER_KEY)", config.masterKey().get());
    List<MasterKey> previous = new ArrayList<>();
    for (String key : config.previousMasterKeys()) {
      previous.add(MasterKey.fromBase64("the configured previous master keys", key));
    }
    return new KeyRing(current, previous);
  }

  private static KeyRing fromFile(Path file, Set<String> storedIds) throws IOException {
    if (!Files.exists(file)) {
      if (!storedIds.isEmpty()) {
        throw new StorageException("no master key: " + file + " does not exist and none was configured"
            + " (GATEHOUSE_MASTER_KEY), but the database holds secrets sealed under master key id(s) "
            + storedIds + ". Restore the key file or set the master key.");
      }
      create(file);
    }
    return read(file);
  }

  /** The key ring the key file lists now; a {@link StorageException} when it cannot be read. */
  static KeyRing readFile(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      throw new StorageException("cannot read the master key file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static KeyRing read(Path file) throws IOException {
    requireOwnerOnly(file);
    List<MasterKey> keys = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        keys.add(MasterKey.fromBase64(file.toString(), line));
      }
    }
    if (keys.isEmpty()) {
      throw new StorageException("no master key in " + file);
    }
    return new KeyRing(keys.get(0), keys.subList(1, keys.size()));
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = writePartial(file, KeyRing.of(MasterKey.random(new SecureRandom())));
    try {
      // Complete or absent: a reader never sees half a key file.
      Files.move(partial, file);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Replaces the key file with one listing the ring's keys, the current one first: written in
   * full to a new file (mode 0600) and synced, then renamed over the old one in one step, so a
   * reader or a crash sees the old file or the new one, never a mix. Call it holding
   * {@link #lockFile}.
   */
  static void replace(Path file, KeyRing ring) throws IOException {
    Path partial = writePartial(file, ring);
    try {
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    syncDirectory(file.getParent());
  }

  private static Path writePartial(Path file, KeyRing ring) throws IOException {
    Path partial = file.resolveSibling(FILE_NAME + ".new");
    Files.deleteIfExists(partial);
    if (supportsPosix(file)) {
      Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(partial);
    }
    StringBuilder text = new StringBuilder(HEADER);
    for (MasterKey key : ring.keys()) {
      text.append(key.toBase64()).append('\n');
    }
    Files.writeString(partial, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    return partial;
  }

  /** Makes the rename durable: the directory entry is synced too (where the platform allows it). */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open or sync a directory; the rename itself stays atomic there.
    }
  }

  /** Refuses a file its group or others may access (also used for {@code pg.password}). */
  static void requireOwnerOnly(Path file) throws IOException {
    if (!supportsPosix(file)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    permissions.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    if (!permissions.isEmpty()) {
      throw new StorageException(file + " must be readable by its owner only (chmod 600), but allows "
          + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }

  static boolean supportsPosix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static Set<String> storedKeyIds(DataSource database) {
    return new JdbcTransactions(database).run("read the stored master key ids", c -> {
      Set<String> ids = new TreeSet<>();
      try (var s = c.prepareStatement("SELECT duo_secret_key_id FROM mfa_policies"
          + " UNION SELECT master_key_id FROM workspace_data_keys");
           var r = s.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      return ids;
    });
  }
}
