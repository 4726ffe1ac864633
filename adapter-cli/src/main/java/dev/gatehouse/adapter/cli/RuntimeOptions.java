package dev.gatehouse.adapter.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The global options the composition root consumes, each taken from its command-line option or
 * else from its environment variable ({@code GATEHOUSE_DATA_DIR}, {@code GATEHOUSE_DATABASE_URL},
 * {@code GATEHOUSE_DUO_CA_FILE}); empty when neither is given, so that the root applies its
 * defaults (such as {@code ~/.gatehouse}) and reads the database user and password itself.
 */
public record RuntimeOptions(Optional<Path> dataDir, Optional<String> databaseUrl, Optional<Path> duoCaFile) {
  public RuntimeOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(duoCaFile, "duoCaFile");
  }
}
