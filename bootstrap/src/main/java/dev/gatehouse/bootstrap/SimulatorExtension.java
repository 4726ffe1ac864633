package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.CliExtension;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gatehouse duo-simulator [--port N] [--scenario FILE] [--cert-out PEM]}: the bundled Duo
 * Auth API simulator until stopped; prints one JSON line with its hostname, keys and CA file.
 */
final class SimulatorExtension {
  private SimulatorExtension() {}

  static CliExtension create() {
    return new CliExtension("duo-simulator", "Run the bundled Duo Auth API simulator until stopped.",
        List.of(CliExtension.Option.withValue("--port", "N", "port to listen on (default: a free one)"),
            CliExtension.Option.withValue("--scenario", "FILE", "users and devices as JSON (default: the demo scenario)"),
            CliExtension.Option.withValue("--cert-out", "PEM", "where to write the simulator's certificate")),
        Optional.of("gatehouse duo-simulator --cert-out /tmp/duo.pem"),
        invocation -> {
          String scenarioFile = invocation.options().get("--scenario");
          Scenario scenario = scenarioFile == null ? Scenario.defaultScenario() : scenario(scenarioFile);
          int port = invocation.options().containsKey("--port") ? ServeExtension.port(invocation.options().get("--port")) : 0;
          Path caFile = invocation.options().containsKey("--cert-out")
              ? path("--cert-out", invocation.options().get("--cert-out"))
              : Files.createTempFile("gatehouse-duo-simulator-", ".pem");
          DuoSimulator simulator = start(scenario, port);
          CountDownLatch stopped = new CountDownLatch(1);
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
          }, "gatehouse-simulator-shutdown"));
          writeCertificate(simulator, caFile);
          invocation.out().println(simulator.readyLine(caFile));
          invocation.out().flush();
          stopped.await();
          return 0;
        });
  }

  /** The scenario file, or invalid input naming {@code --scenario} when it cannot be read or used. */
  static Scenario scenario(String file) {
    Path path = path("--scenario", file);
    if (Files.isDirectory(path)) {
      throw new InvalidValueException("--scenario", "cannot read " + file + ": it is a directory");
    }
    if (!Files.exists(path)) {
      throw new InvalidValueException("--scenario", "cannot read " + file + ": no such file");
    }
    try {
      return Scenario.fromFile(path);
    } catch (UncheckedIOException e) {
      throw new InvalidValueException("--scenario", "cannot read " + file
          + (e.getCause() instanceof AccessDeniedException ? ": permission denied" : ": it is unreadable"));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidValueException("--scenario", "is not a valid scenario: " + e.getMessage());
    }
  }

  /** The simulator on its port; a port in use (or not allowed) is invalid input naming {@code --port}. */
  static DuoSimulator start(Scenario scenario, int port) {
    try {
      return DuoSimulator.builder(scenario).port(port).start();
    } catch (UncheckedIOException e) {
      throw ServeExtension.unusable("127.0.0.1", port, e).map(RuntimeException.class::cast).orElse(e);
    }
  }

  private static void writeCertificate(DuoSimulator simulator, Path caFile) {
    try {
      simulator.writeCaPem(caFile);
    } catch (UncheckedIOException e) {
      simulator.close();
      throw new InvalidValueException("--cert-out", "cannot write " + caFile + ": "
          + (e.getCause() instanceof AccessDeniedException ? "permission denied"
          : Files.isDirectory(caFile) ? "it is a directory" : "it cannot be written there"));
    }
  }

  private static Path path(String option, String value) {
    if (value.isBlank()) {
      throw new InvalidValueException(option, "must not be empty");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new InvalidValueException(option, "is not a valid path");
    }
  }

}
