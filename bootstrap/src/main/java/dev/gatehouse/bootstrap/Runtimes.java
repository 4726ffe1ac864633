package dev.gatehouse.bootstrap;

import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.adapter.cli.RuntimeOptions;
import dev.gatehouse.application.Gatehouse;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Starts a command line's one {@link GatehouseRuntime} on first use; closing it (in-process runs)
 * closes that runtime.
 */
final class Runtimes implements AutoCloseable {
  private final Map<String, String> environment;
  private GatehouseRuntime runtime;

  Runtimes(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  synchronized GatehouseRuntime start(RuntimeOptions options) {
    return start(options, DatabaseWait.none(), Metrics::off, GatehouseOptions.client());
  }

  /**
   * As {@link #start(RuntimeOptions)}, waiting for an unreachable database as {@code wait} says,
   * with the metrics {@code metrics} makes and following Duo requests as {@code gatehouse} says (if
   * this starts the runtime).
   */
  synchronized GatehouseRuntime start(RuntimeOptions options, DatabaseWait wait,
      Supplier<Metrics> metrics, GatehouseOptions gatehouse) {
    if (runtime == null) {
      // Storage also closes itself in a shutdown hook when the process exits.
      runtime = GatehouseRuntime.start(Settings.from(options, environment), wait, metrics.get(), gatehouse);
    }
    return runtime;
  }

  Gatehouse gatehouse(RuntimeOptions options) {
    return start(options).gatehouse();
  }

  /** Closes the runtime if one was started (the embedded PostgreSQL stops with its last user). */
  @Override
  public synchronized void close() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }
}
