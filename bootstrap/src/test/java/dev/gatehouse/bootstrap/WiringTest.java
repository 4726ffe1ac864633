package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import dev.gatehouse.adapter.cli.RuntimeOptions;
import dev.gatehouse.adapter.rest.ReadinessCheck;
import dev.gatehouse.adapter.rest.RestConfig;
import dev.gatehouse.adapter.rest.RestModule;
import dev.gatehouse.adapter.web.WebConfig;
import dev.gatehouse.adapter.web.WebConsole;
import dev.gatehouse.adapter.web.WebModule;
import dev.gatehouse.adapter.rest.RestServer;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.out.GatehousePorts;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The composition root's injectors build in {@code Stage.TOOL}: every binding is explicit and present. */
class WiringTest {
  private final Settings settings = Settings.from(
      new RuntimeOptions(Optional.of(Path.of("/tmp/gatehouse-wiring")), Optional.empty(), Optional.empty()), Map.of());

  /** Stage.TOOL never calls a provider, so no storage is started (the runtime is not needed). */
  private Injector toolInjector() {
    return Guice.createInjector(Stage.TOOL, GatehouseRuntime.modules(settings, null));
  }

  @Test
  void bindsTheUseCasesAndEveryDrivenPort() {
    Injector injector = toolInjector();

    assertThat(injector.getBinding(Gatehouse.class)).isNotNull();
    for (RecordComponent port : GatehousePorts.class.getRecordComponents()) {
      assertThat(injector.getExistingBinding(Key.get(port.getType())))
          .as("binding for %s", port.getType().getSimpleName())
          .isNotNull();
    }
  }

  @Test
  void bindsTheRestServerOnTopOfTheCore() {
    Injector rest = toolInjector().createChildInjector(
        binder -> binder.bind(ReadinessCheck.class).toInstance(ReadinessCheck.alwaysReady()),
        new RestModule(RestConfig.defaults()));

    assertThat(rest.getBinding(RestServer.class)).isNotNull();
  }

  @Test
  void bindsTheWebConsoleOnTopOfTheCore() {
    Injector web = toolInjector().createChildInjector(new WebModule(WebConfig.defaults()));

    assertThat(web.getBinding(WebConsole.class)).isNotNull();
  }

  @Test
  void readsTheDataDirectoryAndMasterKeyFromOptionsAndEnvironment() {
    Settings read = Settings.from(new RuntimeOptions(Optional.of(Path.of("data")), Optional.empty(), Optional.empty()),
        Map.of(Settings.MASTER_KEY, "a2V5"));

    assertThat(read.dataDir()).isAbsolute().endsWithRaw(Path.of("data"));
    assertThat(read.masterKey()).contains("a2V5");
    assertThat(read.persistence().toString()).doesNotContain("a2V5");
  }

  @Test
  void defaultsTheDataDirectoryToDotGatehouseInTheHomeDirectory() {
    Settings read = Settings.from(new RuntimeOptions(Optional.empty(), Optional.empty(), Optional.empty()), Map.of());

    assertThat(read.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".gatehouse").toAbsolutePath());
    assertThat(read.database()).isEmpty();
  }
}
