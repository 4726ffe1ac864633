package dev.gatehouse.adapter.web;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.domain.common.Require;
import java.time.Clock;

/**
 * The web console's wiring: a {@link WebConsole} on the use cases of {@link Gatehouse}, timing
 * its web sessions with the bound {@link Clock}. Bootstrap installs the console into the HTTP
 * server that also serves the REST API.
 */
public final class WebModule extends AbstractModule {
  private final WebConfig config;

  public WebModule(WebConfig config) {
    this.config = Require.notNull("config", config);
  }

  @Provides
  @Singleton
  WebConsole webConsole(Gatehouse gatehouse, Clock clock) {
    return new WebConsole(gatehouse, config, clock);
  }
}
