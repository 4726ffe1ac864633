package dev.gatehouse.adapter.persistence;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How Gatehouse stores its data: the data directory (embedded PostgreSQL in {@code pg/} and the
 * {@code master.key} file), an optional external PostgreSQL instead of the embedded one, and the
 * master key (base64 of 32 bytes) when it is supplied instead of the key file. Previous master keys
 * are kept to read values sealed before a rotation. The caller reads the environment
 * ({@code GATEHOUSE_DATABASE_URL}, {@code GATEHOUSE_MASTER_KEY}, ...); this record never does.
 * {@link #toString()} never prints keys or passwords.
 */
public record PersistenceConfig(Path dataDirectory, Optional<ExternalDatabase> externalDatabase,
    Optional<String> masterKey, List<String> previousMasterKeys, int maxPoolSize) {

  public static final int DEFAULT_POOL_SIZE = 10;

  public PersistenceConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(externalDatabase, "externalDatabase");
    Objects.requireNonNull(masterKey, "masterKey");
    previousMasterKeys = List.copyOf(Objects.requireNonNull(previousMasterKeys, "previousMasterKeys"));
    if (maxPoolSize < 1 || maxPoolSize > 100) {
      throw new IllegalArgumentException("maxPoolSize must be between 1 and 100");
    }
  }

  /** The default: embedded PostgreSQL and a key file, both in the data directory. */
  public static PersistenceConfig embedded(Path dataDirectory) {
    return new PersistenceConfig(dataDirectory, Optional.empty(), Optional.empty(), List.of(), DEFAULT_POOL_SIZE);
  }

  public PersistenceConfig withExternalDatabase(ExternalDatabase database) {
    return new PersistenceConfig(dataDirectory, Optional.of(database), masterKey, previousMasterKeys, maxPoolSize);
  }

  /** The master key as base64 (e.g. from {@code GATEHOUSE_MASTER_KEY}) instead of the key file. */
  public PersistenceConfig withMasterKey(String base64) {
    return new PersistenceConfig(dataDirectory, externalDatabase, Optional.of(base64), previousMasterKeys,
        maxPoolSize);
  }

  public PersistenceConfig withPreviousMasterKeys(List<String> base64Keys) {
    return new PersistenceConfig(dataDirectory, externalDatabase, masterKey, base64Keys, maxPoolSize);
  }

  public PersistenceConfig withMaxPoolSize(int size) {
    return new PersistenceConfig(dataDirectory, externalDatabase, masterKey, previousMasterKeys, size);
  }

  @Override
  public String toString() {
    return "PersistenceConfig[dataDirectory=" + dataDirectory + ", externalDatabase=" + externalDatabase
        + ", masterKey=" + (masterKey.isPresent() ? "[redacted]" : "key file") + ", previousMasterKeys="
        + previousMasterKeys.size() + ", maxPoolSize=" + maxPoolSize + "]";
  }

  /** An external PostgreSQL: its JDBC URL and credentials (the password is never printed). */
  public record ExternalDatabase(String jdbcUrl, Optional<String> user, Optional<String> password) {
    public ExternalDatabase {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:");
      }
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      // Also how error messages name the database: no record syntax, never a password.
      return jdbcUrl.replaceAll("(?i)password=[^&]*", "password=[redacted]")
          + " (user " + user.orElse("from the URL") + ", password " + (password.isPresent() ? "[redacted]" : "none")
          + ")";
    }
  }
}
