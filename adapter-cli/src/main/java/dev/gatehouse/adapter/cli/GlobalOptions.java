package dev.gatehouse.adapter.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options, accepted before or after the subcommand: who is acting, and the storage
 * and Duo options handed to the composition root.
 */
final class GlobalOptions {
  static final String USER_VARIABLE = "GATEHOUSE_USER";
  static final String DATA_DIR_VARIABLE = "GATEHOUSE_DATA_DIR";
  static final String DATABASE_URL_VARIABLE = "GATEHOUSE_DATABASE_URL";
  static final String DUO_CA_FILE_VARIABLE = "GATEHOUSE_DUO_CA_FILE";

  @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "Who is acting (env GATEHOUSE_USER; default: the operating-system user).")
  String user;

  @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Embedded PostgreSQL data and the master key file (env GATEHOUSE_DATA_DIR; default ~/.gatehouse).")
  Path dataDir;

  @Option(names = "--database-url", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "An external PostgreSQL instead of the embedded one (env GATEHOUSE_DATABASE_URL, "
          + "with GATEHOUSE_DATABASE_USER and GATEHOUSE_DATABASE_PASSWORD).")
  String databaseUrl;

  @Option(names = "--duo-ca-file", paramLabel = "PEM", scope = ScopeType.INHERIT,
      description = "Trust these CAs for Duo connections instead of the default trust store (env GATEHOUSE_DUO_CA_FILE).")
  Path duoCaFile;

  RuntimeOptions runtime(Map<String, String> environment) {
    return new RuntimeOptions(
        Optional.ofNullable(dataDir).or(() -> variable(environment, DATA_DIR_VARIABLE).map(Path::of)),
        Optional.ofNullable(databaseUrl).or(() -> variable(environment, DATABASE_URL_VARIABLE)),
        Optional.ofNullable(duoCaFile).or(() -> variable(environment, DUO_CA_FILE_VARIABLE).map(Path::of)));
  }

  static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
  }
}
