package dev.gatehouse.adapter.rest;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.domain.common.Require;

/**
 * The REST adapter's wiring: a {@link RestServer} on the use cases of {@link Gatehouse}, asking
 * the bound {@link ReadinessCheck} for {@code /ready}. Bootstrap binds both and owns the
 * server's lifecycle ({@code start()} / {@code close()}).
 */
public final class RestModule extends AbstractModule {
  private final RestConfig config;
  private final RestMetrics metrics;

  public RestModule(RestConfig config) {
    this(config, RestMetrics.NONE);
  }

  /** Reports each answered request to {@code metrics} and serves its text at {@code GET /metrics}. */
  public RestModule(RestConfig config, RestMetrics metrics) {
    this.config = Require.notNull("config", config);
    this.metrics = Require.notNull("metrics", metrics);
  }

  @Provides
  @Singleton
  RestServer restServer(Gatehouse gatehouse, ReadinessCheck readiness) {
    return new RestServer(gatehouse, readiness, config, metrics);
  }
}
