package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.RuntimeOptions;
import dev.gatehouse.application.Gatehouse;
import java.util.Map;

/** Starts this process's one {@link GatehouseRuntime} on first use. */
final class Runtimes {
  private final Map<String, String> environment;
  private GatehouseRuntime runtime;

  Runtimes(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  synchronized GatehouseRuntime start(RuntimeOptions options) {
    if (runtime == null) {
      // Storage closes itself in a shutdown hook when the process exits.
      runtime = GatehouseRuntime.start(Settings.from(options, environment));
    }
    return runtime;
  }

  Gatehouse gatehouse(RuntimeOptions options) {
    return start(options).gatehouse();
  }
}
