package dev.gatehouse.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.gatehouse.adapter.duo.DuoModule;
import dev.gatehouse.adapter.persistence.PersistenceModule;
import dev.gatehouse.adapter.persistence.PersistenceRuntime;
import dev.gatehouse.adapter.rest.ReadinessCheck;
import dev.gatehouse.adapter.rest.RestConfig;
import dev.gatehouse.adapter.rest.RestModule;
import dev.gatehouse.adapter.rest.RestServer;
import dev.gatehouse.adapter.web.WebConfig;
import dev.gatehouse.adapter.web.WebConsole;
import dev.gatehouse.adapter.web.WebModule;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One running Gatehouse: storage started (embedded PostgreSQL joined or started, migrated), the
 * injector created once, and the use cases ready. Closing it stops what it started.
 */
final class GatehouseRuntime implements AutoCloseable {
  private final PersistenceRuntime persistence;
  private static final System.Logger LOG = System.getLogger(GatehouseRuntime.class.getName());
  private final Injector injector;
  private final Metrics metrics;

  private GatehouseRuntime(PersistenceRuntime persistence, Injector injector, Metrics metrics) {
    this.persistence = persistence;
    this.injector = injector;
    this.metrics = metrics;
  }

  /** Starts storage and builds the injector; storage failures read as the core's storage problem. */
  static GatehouseRuntime start(Settings settings) {
    return start(settings, DatabaseWait.none(), Metrics.off(), GatehouseOptions.client());
  }

  /**
   * As {@link #start(Settings)}, waiting for an unreachable database as {@code wait} says, and
   * reporting to {@code metrics} (which it closes when it closes).
   */
  static GatehouseRuntime start(Settings settings, DatabaseWait wait, Metrics metrics, GatehouseOptions options) {
    StartupWarmUp.begin();
    PersistenceRuntime persistence;
    try {
      persistence = wait.start(() -> PersistenceRuntime.start(settings.persistence()));
    } catch (StorageException e) {
      throw new StorageProblemException(e.getMessage(), e);
    }
    try {
      Injector injector = Guice.createInjector(Stage.PRODUCTION, modules(settings, persistence, metrics, options));
      metrics.bindStorage(persistence, injector.getInstance(ChallengeRepository.class),
          injector.getInstance(Clock.class));
      return new GatehouseRuntime(persistence, injector, metrics);
    } catch (RuntimeException e) {
      persistence.close();
      throw e;
    }
  }

  /** Every module of the core and its driven adapters; the wiring test builds these in {@code Stage.TOOL}. */
  static List<Module> modules(Settings settings, PersistenceRuntime persistence) {
    return modules(settings, persistence, Metrics.off(), GatehouseOptions.client());
  }

  /** As {@link #modules(Settings, PersistenceRuntime)}, the core and the Duo adapter reporting to {@code metrics}. */
  static List<Module> modules(Settings settings, PersistenceRuntime persistence, Metrics metrics,
      GatehouseOptions options) {
    List<Module> modules = new ArrayList<>();
    modules.add(binder -> binder.requireExplicitBindings());
    modules.add(binder -> binder.bind(Telemetry.class).toInstance(metrics.telemetry()));
    modules.add(new PersistenceModule(persistence));
    modules.add(new DuoModule(settings.duo(), metrics.duo()));
    modules.add(new CoreModule(options));
    return modules;
  }

  Gatehouse gatehouse() {
    return injector.getInstance(Gatehouse.class);
  }

  /**
   * The HTTP server on this runtime's use cases — the REST API under {@code /api/} and the web
   * console at {@code /} on the same port — ready when its database answers; not yet started.
   */
  RestServer restServer(RestConfig config) {
    WebConsole console = injector.createChildInjector(new WebModule(WebConfig.defaults()))
        .getInstance(WebConsole.class);
    return injector.createChildInjector(
            binder -> binder.bind(ReadinessCheck.class).toInstance(this::readiness),
            new RestModule(config, metrics.rest(), List.of(console::install)))
        .getInstance(RestServer.class);
  }

  Metrics metrics() {
    return metrics;
  }

  String storageDescription() {
    return persistence.description();
  }

  private Optional<String> readiness() {
    if (!persistence.migrationsCurrent()) {
      return Optional.of("database migrations are pending");
    }
    return persistence.isReachable() ? Optional.empty() : Optional.of("the database does not answer");
  }

  /**
   * Hands the Duo requests this process follows to other processes and answers waiting clients,
   * then closes storage: nothing of the core runs on a closed pool.
   */
  @Override
  public void close() {
    try {
      injector.getInstance(Gatehouse.class).close();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "stopping the challenge lifecycle failed", e);
    }
    try {
      persistence.close();
    } finally {
      metrics.close();
    }
  }
}
