package dev.gatehouse.adapter.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * The command line for Guice: provides {@link GatehouseCli} from its configuration and the
 * {@link GatehouseFactory} that the composition root binds.
 */
public final class CliModule extends AbstractModule {
  private final CliConfig config;

  public CliModule(CliConfig config) {
    this.config = config;
  }

  @Provides
  @Singleton
  CliConfig cliConfig() {
    return config;
  }

  @Provides
  @Singleton
  GatehouseCli gatehouseCli(CliConfig cliConfig, GatehouseFactory gatehouse) {
    return new GatehouseCli(cliConfig, gatehouse);
  }
}
