package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.RuntimeOptions;
import dev.gatehouse.adapter.duo.DuoConfig;
import dev.gatehouse.adapter.persistence.PersistenceConfig;
import dev.gatehouse.domain.common.InvalidValueException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gatehouse's configuration, read once from the command line's global options and the
 * environment: the one place where {@code GATEHOUSE_*} variables are read (the command line reads
 * its own options' variables).
 */
record Settings(Path dataDir, Optional<PersistenceConfig.ExternalDatabase> database,
    Optional<String> masterKey, List<String> previousMasterKeys, Optional<Path> duoCaFile) {

  static final String MASTER_KEY = "GATEHOUSE_MASTER_KEY";
  /** Comma-separated: the keys GATEHOUSE_MASTER_KEY had before, to read values sealed under them. */
  static final String PREVIOUS_MASTER_KEYS = "GATEHOUSE_PREVIOUS_MASTER_KEYS";
  static final String DATABASE_USER = "GATEHOUSE_DATABASE_USER";
  static final String DATABASE_PASSWORD = "GATEHOUSE_DATABASE_PASSWORD";
  static final String HOME = "HOME";
  static final String DEFAULT_DATA_DIR = ".gatehouse";

  static Settings from(RuntimeOptions options, Map<String, String> environment) {
    options.dataDir().ifPresent(dir -> requireNotEmpty("--data-dir", dir));
    options.duoCaFile().ifPresent(file -> requireNotEmpty("--duo-ca-file", file));
    Path dataDir = options.dataDir().orElseGet(() -> defaultDataDir(environment));
    Optional<PersistenceConfig.ExternalDatabase> database = options.databaseUrl()
        .map(url -> externalDatabase(url, environment));
    List<String> previousMasterKeys = value(environment, PREVIOUS_MASTER_KEYS)
        .map(keys -> Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList())
        .orElse(List.of());
    return new Settings(dataDir.toAbsolutePath(), database, value(environment, MASTER_KEY), previousMasterKeys,
        options.duoCaFile());
  }

  /** {@code ~/.gatehouse}: {@code $HOME} from the environment, the {@code user.home} property only without it. */
  static Path defaultDataDir(Map<String, String> environment) {
    String home = value(environment, HOME).orElseGet(() -> System.getProperty("user.home"));
    return Path.of(home, DEFAULT_DATA_DIR);
  }

  /** The URL is never repeated: it may carry a password. */
  private static PersistenceConfig.ExternalDatabase externalDatabase(String url, Map<String, String> environment) {
    if (url.isBlank()) {
      throw new InvalidValueException("--database-url", "must not be empty");
    }
    try {
      return new PersistenceConfig.ExternalDatabase(url.strip(), value(environment, DATABASE_USER),
          value(environment, DATABASE_PASSWORD));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("--database-url", "must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST/DATABASE)");
    }
  }

  /** An empty path would silently mean the current directory. */
  private static void requireNotEmpty(String option, Path path) {
    if (path.toString().isBlank()) {
      throw new InvalidValueException(option, "must not be empty");
    }
  }

  PersistenceConfig persistence() {
    PersistenceConfig config = PersistenceConfig.embedded(dataDir);
    config = database.map(config::withExternalDatabase).orElse(config);
    config = masterKey.map(config::withMasterKey).orElse(config);
    return config.withPreviousMasterKeys(previousMasterKeys);
  }

  DuoConfig duo() {
    DuoConfig config = DuoConfig.defaults();
    return duoCaFile.map(config::withCaFile).orElse(config);
  }

  /** Never prints a master key. */
  @Override
  public String toString() {
    return "Settings[dataDir=" + dataDir + ", database=" + database + ", masterKey="
        + (masterKey.isPresent() ? "[redacted]" : "key file") + ", previousMasterKeys=" + previousMasterKeys.size()
        + ", duoCaFile=" + duoCaFile + "]";
  }

  private static Optional<String> value(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }
}
