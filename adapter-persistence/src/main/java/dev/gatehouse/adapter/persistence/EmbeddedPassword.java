package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the embedded PostgreSQL's {@code postgres} role, kept in
 * {@code <data-dir>/pg.password}: one line, base64 of 32 random bytes, created with mode 0600 and
 * refused when its group or others may read it (like {@code master.key}); see ADR 0003. The file
 * holds nothing but the password because {@code initdb --pwfile} reads its first line.
 *
 * <p>{@link #toString()} never shows the password; only {@link #reveal()} does, for the JDBC driver.
 */
final class EmbeddedPassword {
  static final String FILE_NAME = "pg.password";
  static final int BYTES = 32;

  private final Path file;
  private final String value;

  private EmbeddedPassword(Path file, String value) {
    this.file = file;
    this.value = value;
  }

  /** Creates the password file with a new random password; a file already there is kept. */
  static void create(Path file) throws IOException {
    byte[] material = new byte[BYTES];
    new SecureRandom().nextBytes(material);
    String password = Base64.getEncoder().encodeToString(material);
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(FILE_NAME + ".new");
    Files.deleteIfExists(partial);
    if (MasterKeys.supportsPosix(file)) {
      Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(partial);
    }
    Files.writeString(partial, password + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
        StandardOpenOption.SYNC);
    try {
      // Complete or absent: initdb and other processes never see half a password.
      Files.move(partial, file);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(partial);
    }
  }

  /** Reads the password file, refusing one that others than its owner may read. */
  static EmbeddedPassword read(Path file) throws IOException {
    MasterKeys.requireOwnerOnly(file);
    String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (value.isEmpty() || value.contains("\n")) {
      throw new StorageException(file + " must hold the embedded PostgreSQL's password on one line");
    }
    return new EmbeddedPassword(file, value);
  }

  Path file() {
    return file;
  }

  /** The password itself: for the JDBC driver only, never for messages or logs. */
  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "EmbeddedPassword[" + file + ", [redacted]]";
  }
}
