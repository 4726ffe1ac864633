package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.CliExtension;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        invocation -> {
          String scenarioFile = invocation.options().get("--scenario");
          Scenario scenario = scenarioFile == null ? Scenario.defaultScenario() : Scenario.fromFile(Path.of(scenarioFile));
          int port = invocation.options().containsKey("--port") ? ServeExtension.port(invocation.options().get("--port")) : 0;
          Path caFile = invocation.options().containsKey("--cert-out")
              ? Path.of(invocation.options().get("--cert-out"))
              : Files.createTempFile("gatehouse-duo-simulator-", ".pem");
          DuoSimulator simulator = DuoSimulator.builder(scenario).port(port).start();
          CountDownLatch stopped = new CountDownLatch(1);
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
          }, "gatehouse-simulator-shutdown"));
          simulator.writeCaPem(caFile);
          invocation.out().println(readyLine(simulator, caFile));
          invocation.out().flush();
          stopped.await();
          return 0;
        });
  }

  /** The same ready line as the simulator's own jar prints. */
  static String readyLine(DuoSimulator simulator, Path caFile) {
    return "{\"apiHostname\":\"" + simulator.apiHostname() + "\",\"integrationKey\":\"" + simulator.integrationKey()
        + "\",\"secretKey\":\"" + simulator.secretKey() + "\",\"caFile\":\""
        + caFile.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }
}
