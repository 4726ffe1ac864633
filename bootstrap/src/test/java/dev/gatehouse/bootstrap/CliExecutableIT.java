package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.adapter.persistence.PersistenceRuntime;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real executable, {@code bootstrap/target/gatehouse.jar} (packaged before failsafe runs), in a
 * child process: Ctrl-C while a push is pending (against a simulator whose pushes wait until the
 * test answers them) cancels the challenge and exits with 130; {@code duo-simulator} serves a
 * scenario file that the command line then checks and configures against.
 */
class CliExecutableIT {
  private static final String DEVICE = "DPWAITINGPHONE000001";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path tempDir;

  private static DuoSimulator duo;
  private static PersistenceRuntime database;
  private static Path dataDir;
  private static Path caFile;
  private static CliRunner gatehouse;

  @BeforeAll
  static void startGatehouse() throws Exception {
    duo = DuoSimulator.start(Scenario.builder()
        .user(Scenario.User.active("alice", Scenario.Device.phone(DEVICE, "XXX-XXX-0101", "Alice's iPhone",
            "auto", "push").withPush(Scenario.Reaction.waitForControl())))
        .build());
    caFile = duo.writeCaPem(tempDir.resolve("duo-ca.pem"));
    dataDir = tempDir.resolve("data");
    // The child process joins this embedded PostgreSQL instead of starting its own.
    database = CliRunner.keepDatabaseRunning(dataDir);
    gatehouse = new CliRunner(dataDir, caFile, Map.of("GATEHOUSE_DUO_SECRET_KEY", duo.secretKey()));
    CliRunner root = gatehouse.as("root");
    root.run("user", "add", "root").succeeds();
    root.run("user", "add", "alice").succeeds();
    root.run("workspace", "create", "servers").succeeds();
    root.run("workspace", "add-member", "servers", "alice").succeeds();
    root.run("duo", "configure", "servers", "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey()).succeeds();
    CompletableFuture<CliRunner.Run> activation = gatehouse.as("alice")
        .start("duo", "use-device", "servers", DEVICE, "--method", "push");
    duo.control().approve(duo.control().awaitPending("alice", WAIT).txid());
    activation.get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeds();
  }

  @AfterAll
  static void stopGatehouse() {
    if (database != null) {
      database.close();
    }
    if (duo != null) {
      duo.close();
    }
  }

  @Test
  void ctrlCCancelsThePendingPushAndExits130() throws Exception {
    Process open = startJar("--data-dir", dataDir.toString(), "--duo-ca-file", caFile.toString(),
        "--user", "alice", "open", "servers");
    Lines out = Lines.of(open.getInputStream());
    Lines err = Lines.of(open.getErrorStream());
    try {
      out.awaitLineContaining("Pushed a login request to your device", WAIT);
      String txid = duo.control().awaitPending("alice", WAIT).txid();

      interrupt(open);

      assertThat(open.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("gatehouse exited after SIGINT").isTrue();
      assertThat(open.exitValue()).as("exit code; stderr: %s", err.all()).isEqualTo(130);
      err.awaitEnd(WAIT);
      assertThat(err.all()).containsExactly("gatehouse: cancelled; the pending Duo request was withdrawn");
      assertThat(out.all()).noneMatch(line -> line.contains("is open") || line.contains("Session token"));
      JsonNode cancelled = latestAudit("challenge_denied");
      assertThat(cancelled.get("outcome").asText()).isEqualTo("cancelled");
      assertThat(cancelled.get("actor").asText()).isEqualTo("alice");
      assertThat(cancelled.get("method").asText()).isEqualTo("push");
      assertThat(cancelled.get("duoTransaction").asText()).isEqualTo(txid);
    } finally {
      open.destroyForcibly();
    }
    // Nothing is left pending, and a cancelled push starts the cooldown like a denied one (so that
    // open/cancel loops cannot flood the phone): the next open is refused, not "already pending".
    CliRunner.Run again = gatehouse.as("alice").run("open", "servers");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("wait before sending another");
  }

  @Test
  void runsTheBundledSimulatorWithAScenarioFile() throws Exception {
    Path scenario = Files.writeString(tempDir.resolve("scenario.json"), """
        {"users": [{"username": "zoe", "devices": [{"id": "DPZOEPHONE0000000001", "name": "Zoe's Pixel",
          "number": "XXX-XXX-0909", "capabilities": ["auto", "push"]}]}]}
        """);
    Path certificate = tempDir.resolve("simulator-ca.pem");
    Process simulator = startJar("duo-simulator", "--scenario", scenario.toString(), "--cert-out", certificate.toString());
    Lines out = Lines.of(simulator.getInputStream());
    Lines.of(simulator.getErrorStream());
    try {
      JsonNode ready = new ObjectMapper().readTree(out.awaitLineContaining("\"apiHostname\"", WAIT));
      assertThat(ready.get("caFile").asText()).isEqualTo(certificate.toAbsolutePath().toString());
      CliRunner simulated = new CliRunner(dataDir, certificate,
          Map.of("GATEHOUSE_DUO_SECRET_KEY", ready.get("secretKey").asText()));
      CliRunner root = simulated.as("root");
      String apiHostname = ready.get("apiHostname").asText();
      String integrationKey = ready.get("integrationKey").asText();

      root.run("duo", "check", "--api-hostname", apiHostname, "--integration-key", integrationKey).succeeds();
      root.run("user", "add", "zoe").succeeds();
      root.run("workspace", "create", "scenario-file").succeeds();
      root.run("workspace", "add-member", "scenario-file", "zoe").succeeds();
      root.run("duo", "configure", "scenario-file", "--api-hostname", apiHostname,
          "--integration-key", integrationKey).succeeds();
      JsonNode devices = simulated.as("zoe").run("duo", "devices", "scenario-file", "--json").succeeds().json();
      assertThat(devices.get("devices").get(0).get("id").asText()).isEqualTo("DPZOEPHONE0000000001");
      assertThat(devices.get("devices").get(0).get("methods").get(0).asText()).isEqualTo("push");
    } finally {
      simulator.destroy();
      assertThat(simulator.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the simulator stops on SIGTERM").isTrue();
    }
  }

  /** The real process, so that anything a library logs to standard error is seen too. */
  @Test
  void serveOnABusyPortSaysSoOnOneLineAndExitsTwo() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      for (String command : new String[] {"serve", "duo-simulator"}) {
        Process process = startJar("--data-dir", dataDir.toString(), command, "--port",
            Integer.toString(busy.getLocalPort()));
        Lines out = Lines.of(process.getInputStream());
        Lines err = Lines.of(process.getErrorStream());
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(command + " ends").isTrue();
        out.awaitEnd(WAIT);
        err.awaitEnd(WAIT);

        assertThat(process.exitValue()).as(command + "; stderr: " + err.all()).isEqualTo(2);
        assertThat(err.all()).as(command).singleElement().asString()
            .startsWith("gatehouse: invalid --port: ").contains("already in use");
        assertThat(out.all()).as(command).isEmpty();
      }
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static JsonNode latestAudit(String type) {
    JsonNode events = gatehouse.as("root").run("audit", "servers", "--json").succeeds().json();
    return StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("type").asText().equals(type))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + events));
  }

  /** The packaged executable, as {@code ./gatehouse} runs it, with no GATEHOUSE_* variables of this JVM. */
  private static Process startJar(String... args) throws IOException {
    Path jar = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "gatehouse.jar");
    assertThat(jar).as("the packaged executable (mvn verify packages it before the integration tests)").exists();
    List<String> command = new ArrayList<>();
    if (interruptIgnoredHere()) {
      // Started in the background by a non-interactive shell, this JVM (and any child) ignores SIGINT,
      // and a JVM never handles a signal it inherited as ignored: reset it to default for the child.
      System.out.println("CliExecutableIT: SIGINT is ignored in this JVM; the child starts through perl to reset it");
      command.addAll(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\""));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_") || name.equals("NO_COLOR"));
    return builder.start();
  }

  private static void interrupt(Process process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -INT").isZero();
  }

  /** Whether SIGINT is ignored in this process (Linux: bit 1 of SigIgn in /proc/self/status). */
  private static boolean interruptIgnoredHere() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
        .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16))
        .anyMatch(mask -> (mask & 0x2) != 0);
  }

  /** The lines a child process prints, read as they come. */
  private static final class Lines {
    private final List<String> seen = new ArrayList<>();
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    static Lines of(InputStream stream) {
      Lines lines = new Lines();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          lines.ended.complete(null);
        }
      }, "child-output");
      reader.setDaemon(true);
      reader.start();
      return lines;
    }

    private synchronized void add(String line) {
      seen.add(line);
      fresh.add(line);
    }

    synchronized List<String> all() {
      return List.copyOf(seen);
    }

    String awaitLineContaining(String text, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        String line = fresh.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line != null && line.contains(text)) {
          return line;
        }
        if (line == null && ended.isDone() && fresh.isEmpty()) {
          throw new AssertionError("the process ended without a line containing '" + text + "'; got " + all());
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no line containing '" + text + "' within " + timeout + "; got " + all());
        }
      }
    }

    void awaitEnd(Duration timeout) throws Exception {
      ended.get(timeout.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
