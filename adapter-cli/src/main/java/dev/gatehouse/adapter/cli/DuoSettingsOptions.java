package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.IntegrationKey;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The settings of a Duo Auth API application, as pasted from Duo's Admin Panel. */
final class DuoSettingsOptions {
  @Option(names = "--api-hostname", paramLabel = "H", required = true,
      description = "The application's API hostname, e.g. api-xxxxxxxx.duosecurity.com.")
  String apiHostname;

  @Option(names = "--integration-key", paramLabel = "K", required = true,
      description = "The application's integration key (20 letters and digits).")
  String integrationKey;

  @Mixin
  SecretKeyOptions secretKey;

  DuoSettings read(CliContext context) {
    return read(context, apiHostname, integrationKey, secretKey);
  }

  /** Parses the hostname and key first, so that a malformed one fails before the secret is asked for. */
  static DuoSettings read(CliContext context, String apiHostname, String integrationKey, SecretKeyOptions secretKey) {
    ApiHostname hostname = CliArguments.parse("--api-hostname", apiHostname, ApiHostname::new);
    IntegrationKey key = CliArguments.parse("--integration-key", integrationKey, IntegrationKey::new);
    return new DuoSettings(hostname, key, secretKey.read(context));
  }
}
