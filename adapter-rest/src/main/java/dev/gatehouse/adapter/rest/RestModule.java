package dev.gatehouse.adapter.rest;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.domain.common.Require;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * The REST adapter's wiring: a {@link RestServer} on the use cases of {@link Gatehouse}, asking
 * the bound {@link ReadinessCheck} for {@code /ready}. Bootstrap binds both and owns the
 * server's lifecycle ({@code start()} / {@code close()}).
 */
public final class RestModule extends AbstractModule {
  private final RestConfig config;
  private final RestMetrics metrics;
  private final List<Consumer<JavalinConfig>> faces;

  public RestModule(RestConfig config) {
    this(config, RestMetrics.NONE, List.of());
  }

  /**
   * The REST API, reporting each answered request to {@code metrics} (its text at
   * {@code GET /metrics}), and other faces that share its port (each installs its routes into the
   * server's config).
   */
  public RestModule(RestConfig config, RestMetrics metrics, List<Consumer<JavalinConfig>> faces) {
    this.config = Require.notNull("config", config);
    this.metrics = Require.notNull("metrics", metrics);
    this.faces = List.copyOf(Require.notNull("faces", faces));
  }

  @Provides
  @Singleton
  RestServer restServer(Gatehouse gatehouse, ReadinessCheck readiness) {
    return new RestServer(gatehouse, readiness, config, metrics, faces);
  }
}
