package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded PostgreSQL going away under a running {@code serve} (the packaged executable in a
 * child process): {@code /ready} says so within a second and again when {@code serve} has brought
 * the database back, without being restarted; a CLI command on a data directory whose database
 * nobody runs starts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseRecoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration NOTICED = Duration.ofSeconds(1);
  private static final Duration BACK = Duration.ofSeconds(20);
  private static final Pattern LISTENING = Pattern.compile("on https?://[^:]+:(\\d+) ");

  @TempDir
  static Path tempDir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private Path data;
  private Process serve;
  private int port;
  private String token;

  @BeforeAll
  void startServe() throws Exception {
    data = tempDir.resolve("data");
    assertThat(cli("--user", "root", "user", "add", "root").exitValue).isZero();
    Cli issued = cli("--user", "root", "token", "issue", "root");
    assertThat(issued.exitValue).as(issued.err.toString()).isZero();
    token = issued.out.get(0).strip();
    serve = GatehouseProcess.start(out, err, "--data-dir", data.toString(), "serve", "--port", "0");
    port = listeningPort();
    assertThat(get("/ready").statusCode()).isEqualTo(200);
  }

  @AfterAll
  void stopServe() throws InterruptedException {
    if (serve != null && serve.isAlive()) {
      serve.destroy();
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
  }

  @ParameterizedTest(name = "kill -{0} on the postmaster")
  @ValueSource(strings = {"KILL", "INT", "TERM"})
  @Order(1)
  void serveNoticesTheDatabaseGoneWithinASecondAndBringsItBack(String signal) throws Exception {
    long postmaster = postmasterPid();

    kill(signal, postmaster);
    long sent = System.nanoTime();
    awaitReady(false, NOTICED);
    long noticed = System.nanoTime() - sent;
    awaitReady(true, BACK);
    System.out.printf("serve, kill -%s on the postmaster: /ready false after %d ms, true after %d ms%n", signal,
        noticed / 1_000_000, (System.nanoTime() - sent) / 1_000_000);

    assertThat(serve.isAlive()).as("serve was not restarted").isTrue();
    assertThat(postmasterPid()).as("a new postmaster").isNotEqualTo(postmaster);
    String user = "after-" + signal.toLowerCase();
    HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/api/v1/users"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + user + "\"}")));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
  }

  @Test
  @Order(2)
  void aCliCommandWhileServeBringsTheDatabaseBackWaitsForItInsteadOfFailing() throws Exception {
    kill("KILL", postmasterPid());

    Cli listed = cli("--user", "root", "user", "list");

    assertThat(listed.exitValue).as(listed.err.toString()).isZero();
    assertThat(String.join("\n", listed.out)).contains("root", "after-kill");
    awaitReady(true, BACK);
  }

  @Test
  @Order(3)
  void aCliCommandStartsTheDatabaseWhenNobodyRunsIt() throws Exception {
    long postmaster = postmasterPid();
    serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    kill("KILL", postmaster);

    Cli listed = cli("--user", "root", "user", "list");

    assertThat(listed.exitValue).as(listed.err.toString()).isZero();
    assertThat(String.join("\n", listed.out)).contains("root", "after-term");
    assertThat(listed.err).as("no warnings, no stack traces").noneMatch(line -> line.contains("\tat ")
        || line.contains("Exception"));
    assertThat(data.resolve("pg/postmaster.pid")).as("the CLI stopped what it started").doesNotExist();
  }

  private void awaitReady(boolean ready, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      long asked = System.nanoTime();
      int status = get("/ready").statusCode();
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("/ready answers within a second")
          .isLessThan(Duration.ofSeconds(1));
      if ((status == 200) == ready) {
        return;
      }
      assertThat(System.nanoTime()).as("/ready %s within %s", ready ? 200 : 503, within).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private long postmasterPid() throws IOException {
    return Long.parseLong(Files.readAllLines(data.resolve("pg/postmaster.pid")).get(0).strip());
  }

  private static void kill(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Cli cli(String... args) throws Exception {
    List<String> cliOut = new CopyOnWriteArrayList<>();
    List<String> cliErr = new CopyOnWriteArrayList<>();
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    Process process = GatehouseProcess.start(cliOut, cliErr, all);
    assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the command ends").isTrue();
    Thread.sleep(100);
    return new Cli(process.exitValue(), cliOut, cliErr);
  }

  private int listeningPort() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : out) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          return Integer.parseInt(matcher.group(1));
        }
      }
      assertThat(serve.isAlive()).as("serve is running; stderr: %s", err).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not say where it listens; stdout " + out + " stderr " + err);
  }

  private record Cli(int exitValue, List<String> out, List<String> err) {}
}
