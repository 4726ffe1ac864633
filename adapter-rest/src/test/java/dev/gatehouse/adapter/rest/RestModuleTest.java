package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;

/** The module wires one server from the bound Gatehouse and readiness check, with explicit bindings only. */
class RestModuleTest {
  @Test
  void buildsOneServerFromExplicitBindings() {
    Gatehouse gatehouse = new InMemoryGatehouse().gatehouse;
    Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
      binder.requireExplicitBindings();
      binder.bind(Gatehouse.class).toInstance(gatehouse);
      binder.bind(ReadinessCheck.class).toInstance(ReadinessCheck.alwaysReady());
    }, new RestModule(RestConfig.of("127.0.0.1", 0)));
    RestServer server = injector.getInstance(RestServer.class);
    assertThat(injector.getInstance(RestServer.class)).isSameAs(server);
    try (RestServer started = server.start()) {
      assertThat(started.port()).isPositive();
    }
  }

  @Test
  void wiringChecksInToolStage() {
    Guice.createInjector(Stage.TOOL, binder -> {
      binder.requireExplicitBindings();
      binder.bind(Gatehouse.class).toInstance(new InMemoryGatehouse().gatehouse);
      binder.bind(ReadinessCheck.class).toInstance(ReadinessCheck.alwaysReady());
    }, new RestModule(RestConfig.defaults()));
  }

  @Test
  void configIsValidated() {
    assertThat(RestConfig.defaults()).isEqualTo(new RestConfig("127.0.0.1", 8080, 65536, RestConfig.DEFAULT_MAX_THREADS));
    assertThatThrownBy(() -> RestConfig.of("127.0.0.1", 70000)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> RestConfig.of(" ", 80)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new RestConfig("127.0.0.1", 0, 10, 64)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new RestConfig("127.0.0.1", 0, 65536, 2)).isInstanceOf(InvalidValueException.class);
  }
}
