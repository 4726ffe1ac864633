package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.RuntimeOptions;
import dev.gatehouse.adapter.duo.DuoConfig;
import dev.gatehouse.adapter.persistence.PersistenceConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Gatehouse's configuration, read once from the command line's global options and the
 * environment: the one place where {@code GATEHOUSE_*} variables are read (the command line reads
 * its own options' variables).
 */
record Settings(Path dataDir, Optional<PersistenceConfig.ExternalDatabase> database,
    Optional<String> masterKey, Optional<Path> duoCaFile) {

  static final String MASTER_KEY = "GATEHOUSE_MASTER_KEY";
  static final String DATABASE_USER = "GATEHOUSE_DATABASE_USER";
  static final String DATABASE_PASSWORD = "GATEHOUSE_DATABASE_PASSWORD";

  static Settings from(RuntimeOptions options, Map<String, String> environment) {
    Path dataDir = options.dataDir()
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".gatehouse"));
    Optional<PersistenceConfig.ExternalDatabase> database = options.databaseUrl()
        .map(url -> new PersistenceConfig.ExternalDatabase(url, value(environment, DATABASE_USER),
            value(environment, DATABASE_PASSWORD)));
    return new Settings(dataDir.toAbsolutePath(), database, value(environment, MASTER_KEY), options.duoCaFile());
  }

  PersistenceConfig persistence() {
    PersistenceConfig config = PersistenceConfig.embedded(dataDir);
    config = database.map(config::withExternalDatabase).orElse(config);
    return masterKey.map(config::withMasterKey).orElse(config);
  }

  DuoConfig duo() {
    DuoConfig config = DuoConfig.defaults();
    return duoCaFile.map(config::withCaFile).orElse(config);
  }

  private static Optional<String> value(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }
}
