package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The acting OS user's workspace session tokens, so that {@code entry} commands do not ask Duo
 * again while a session opened with {@code open} is live: one file per data source, Gatehouse
 * user and workspace under {@code $XDG_STATE_HOME/gatehouse/sessions} (default
 * {@code ~/.local/state/gatehouse/sessions}), the directory 0700, each file 0600 and replaced
 * atomically. Whether a cached session is still live is for Gatehouse to say, never this cache.
 */
final class CliSessionCache {
  static final String STATE_HOME_VARIABLE = "XDG_STATE_HOME";
  static final String HOME_VARIABLE = "HOME";
  private static final String FORMAT = "gatehouse-session-cache 1";
  /** A cache file is a few lines; anything bigger is not ours. */
  private static final int MAX_FILE_BYTES = 4096;
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  /** A cached session token and when Gatehouse said it expires. */
  record Cached(SecretToken token, Instant expiresAt) {}

  /** The cache cannot be written; the message says why in plain words and never holds a token. */
  static final class Unwritable extends RuntimeException {
    Unwritable(String message) {
      super(message);
    }
  }

  private final Path directory;
  private final String dataSource;

  CliSessionCache(Path directory, String dataSource) {
    this.directory = directory;
    this.dataSource = dataSource;
  }

  /** The cache of this run: its directory from the environment, its data source from the global options. */
  static CliSessionCache of(CliContext context) {
    Map<String, String> environment = context.config().environment();
    return new CliSessionCache(directory(environment), dataSource(context.runtime(), environment));
  }

  /** {@code $XDG_STATE_HOME/gatehouse/sessions}, else {@code $HOME/.local/state/gatehouse/sessions}. */
  static Path directory(Map<String, String> environment) {
    Path stateHome = GlobalOptions.variable(environment, STATE_HOME_VARIABLE)
        .map(Path::of)
        .filter(Path::isAbsolute) // the XDG rule: a relative value is ignored
        .orElseGet(() -> home(environment).resolve(".local").resolve("state"));
    return stateHome.resolve("gatehouse").resolve("sessions");
  }

  /**
   * Where the sessions live: the external database's URL, else the data directory (by default
   * {@code ~/.gatehouse}, as the composition root chooses it). Only its hash is written anywhere,
   * since a database URL may carry a password.
   */
  static String dataSource(RuntimeOptions runtime, Map<String, String> environment) {
    if (runtime.databaseUrl().isPresent()) {
      return "database " + runtime.databaseUrl().get().strip();
    }
    Path dataDir = runtime.dataDir().orElseGet(() -> home(environment).resolve(".gatehouse"));
    return "data-dir " + dataDir.toAbsolutePath().normalize();
  }

  private static Path home(Map<String, String> environment) {
    return Path.of(GlobalOptions.variable(environment, HOME_VARIABLE)
        .orElseGet(() -> System.getProperty("user.home")));
  }

  /** The file for one user and workspace of this data source. */
  Path file(UserName user, WorkspaceName workspace) {
    return directory.resolve(hash(dataSource + "\n" + user.value() + "\n" + workspace.value()) + ".session");
  }

  /**
   * The cached token, if a well-formed file only its owner can read holds one; anything else
   * (missing, foreign, malformed, readable by others) counts as no session and is removed when it
   * is a regular file.
   */
  Optional<Cached> find(UserName user, WorkspaceName workspace) {
    Path file = file(user, workspace);
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      Optional<Cached> cached = ownerOnly(file) ? parse(read(file), user, workspace) : Optional.empty();
      if (cached.isEmpty()) {
        Files.deleteIfExists(file);
      }
      return cached;
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Caches the session just granted, replacing any earlier one; throws {@link Unwritable} when it cannot. */
  void store(UserName user, SessionGrant session) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("user", user.value());
    fields.put("workspace", session.workspace().value());
    fields.put("expiresAt", session.expiresAt().toString());
    fields.put("token", session.token().reveal());
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    fields.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Path target = file(user, session.workspace());
    try {
      createDirectory();
      Path temporary = Files.createTempFile(directory, ".session-", ".tmp",
          PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      try {
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      throw new Unwritable(why(e));
    }
  }

  /** Forgets the cached session; returns whether there was one. */
  boolean forget(UserName user, WorkspaceName workspace) {
    try {
      return Files.deleteIfExists(file(user, workspace));
    } catch (IOException | SecurityException e) {
      throw new Unwritable(why(e));
    }
  }

  private void createDirectory() throws IOException {
    Path parent = directory.getParent();
    for (Path dir : new Path[] {parent, directory}) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir.getParent());
        try {
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } catch (FileAlreadyExistsException raced) {
          // Another gatehouse process made it meanwhile.
        }
      }
    }
    // The umask may have narrowed the mode at creation, and an older directory may be wider.
    Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
  }

  private static boolean ownerOnly(Path file) throws IOException {
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      return mode.stream().noneMatch(OTHERS::contains);
    } catch (UnsupportedOperationException notPosix) {
      return true;
    }
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      return bytes.length > MAX_FILE_BYTES ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Optional<Cached> parse(String text, UserName user, WorkspaceName workspace) {
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].equals(FORMAT)) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int equals = lines[i].indexOf('=');
      if (equals > 0) {
        fields.put(lines[i].substring(0, equals), lines[i].substring(equals + 1));
      }
    }
    if (!user.value().equals(fields.get("user")) || !workspace.value().equals(fields.get("workspace"))
        || !fields.containsKey("token") || !fields.containsKey("expiresAt")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Cached(new SecretToken(fields.get("token")), Instant.parse(fields.get("expiresAt"))));
    } catch (InvalidValueException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Why the cache could not be written, in plain words; names the directory (never a token). */
  private String why(Exception failure) {
    if (failure instanceof AccessDeniedException || failure instanceof SecurityException) {
      return "permission denied in " + directory;
    }
    if (failure instanceof UnsupportedOperationException) {
      return "this file system cannot keep files private to their owner (" + directory + ")";
    }
    if (failure instanceof NoSuchFileException || failure instanceof FileAlreadyExistsException) {
      return "cannot create " + directory;
    }
    return "cannot write to " + directory;
  }
}
