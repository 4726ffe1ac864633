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
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.out.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One running Gatehouse: storage started (embedded PostgreSQL joined or started, migrated), the
 * injector created once, and the use cases ready. Closing it stops what it started.
 */
final class GatehouseRuntime implements AutoCloseable {
  private final PersistenceRuntime persistence;
  private final Injector injector;

  private GatehouseRuntime(PersistenceRuntime persistence, Injector injector) {
    this.persistence = persistence;
    this.injector = injector;
  }

  /** Starts storage and builds the injector; storage failures read as the core's storage problem. */
  static GatehouseRuntime start(Settings settings) {
    return start(settings, DatabaseWait.none());
  }

  /** As {@link #start(Settings)}, waiting for an unreachable database as {@code wait} says. */
  static GatehouseRuntime start(Settings settings, DatabaseWait wait) {
    PersistenceRuntime persistence;
    try {
      persistence = wait.start(() -> PersistenceRuntime.start(settings.persistence()));
    } catch (StorageException e) {
      throw new StorageProblemException(e.getMessage(), e);
    }
    try {
      Injector injector = Guice.createInjector(Stage.PRODUCTION, modules(settings, persistence));
      return new GatehouseRuntime(persistence, injector);
    } catch (RuntimeException e) {
      persistence.close();
      throw e;
    }
  }

  /** Every module of the core and its driven adapters; the wiring test builds these in {@code Stage.TOOL}. */
  static List<Module> modules(Settings settings, PersistenceRuntime persistence) {
    List<Module> modules = new ArrayList<>();
    modules.add(binder -> binder.requireExplicitBindings());
    modules.add(new PersistenceModule(persistence));
    modules.add(new DuoModule(settings.duo()));
    modules.add(new CoreModule());
    return modules;
  }

  Gatehouse gatehouse() {
    return injector.getInstance(Gatehouse.class);
  }

  /** The REST server on this runtime's use cases, ready when its database answers; not yet started. */
  RestServer restServer(RestConfig config) {
    return injector.createChildInjector(
            binder -> binder.bind(ReadinessCheck.class).toInstance(this::readiness),
            new RestModule(config))
        .getInstance(RestServer.class);
  }

  String storageDescription() {
    return persistence.description();
  }

  private Optional<String> readiness() {
    return persistence.isReachable() ? Optional.empty() : Optional.of("the database does not answer");
  }

  @Override
  public void close() {
    persistence.close();
  }
}
