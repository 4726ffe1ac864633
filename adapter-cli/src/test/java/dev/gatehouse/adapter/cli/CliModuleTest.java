package dev.gatehouse.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Guice wiring: the composition root binds a {@link GatehouseFactory} and gets {@link GatehouseCli}. */
class CliModuleTest {

  @Test
  void wiresInToolStage() {
    Guice.createInjector(Stage.TOOL, new CliModule(config(new ByteArrayOutputStream())), factory(new AtomicInteger()));
  }

  @Test
  void providesTheEntryPointWithoutBuildingGatehouse() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicInteger built = new AtomicInteger();
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
      @Override
      protected void configure() {
        binder().requireExplicitBindings();
        install(new CliModule(config(out)));
        install(factory(built));
      }
    });

    int exit = injector.getInstance(GatehouseCli.class).run("--version");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("gatehouse 1.0");
    assertThat(built).hasValue(0);
  }

  private static CliConfig config(ByteArrayOutputStream out) {
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    return CliConfig.of("1.0", stream, stream, new ByteArrayInputStream(new byte[0]), Map.of(), "alice")
        .withConsole(CliConsole.none());
  }

  private static AbstractModule factory(AtomicInteger built) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(GatehouseFactory.class).toInstance(options -> {
          built.incrementAndGet();
          return new dev.gatehouse.application.fake.InMemoryGatehouse().gatehouse;
        });
      }
    };
  }
}
