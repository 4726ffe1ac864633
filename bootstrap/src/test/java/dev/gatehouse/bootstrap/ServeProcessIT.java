package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse serve} as operators run it, the packaged executable in a child process: JSON log
 * lines that parse, a request id from the header to the log line and the problem document, and a
 * database that cannot be reached waited for with a line per attempt.
 */
class ServeProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("on https?://[^:]+:(\\d+) ");

  @TempDir
  Path tempDir;

  private Process serve;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    if (serve != null) {
      serve.destroy();
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
  }

  @Test
  void jsonLogLinesParseAndCarryTheRequestIdThatTheProblemDocumentNames() throws Exception {
    serve = start("--data-dir", tempDir.resolve("data").toString(), "serve", "--port", "0", "--log-format", "json");
    int port = port();

    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/workspaces/nowhere"))
            .header("X-Request-Id", "edge-42.a").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("X-Request-Id")).contains("edge-42.a");
    assertThat(JSON.readTree(answer.body()).get("instance").asText()).isEqualTo("urn:gatehouse:request:edge-42.a");
    JsonNode line = awaitLine(json -> "edge-42.a".equals(json.at("/mdc/requestId").asText()));
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("loggerName").asText()).isEqualTo("dev.gatehouse.adapter.rest.access");
    assertThat(line.get("formattedMessage").asText())
        .isEqualTo(line.get("formattedMessage").asText().strip())
        .contains("route=/api/v1/workspaces/{name}", "status=401");
    assertThat(err).as("every stderr line is one JSON object").allSatisfy(text -> JSON.readTree(text).isObject());
  }

  @Test
  void theSeparateMetricsListenerNeedsNoToken() throws Exception {
    serve = start("--data-dir", tempDir.resolve("data").toString(), "serve", "--port", "0",
        "--metrics-bind", "127.0.0.1:0");
    port();
    Pattern said = Pattern.compile("Metrics on (http://127\\.0\\.0\\.1:\\d+/metrics)");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> out.stream().anyMatch(l -> said.matcher(l).find()));
    Matcher metrics = said.matcher(String.join("\n", out));
    assertThat(metrics.find()).as("stdout %s", out).isTrue();

    HttpResponse<String> scrape = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(metrics.group(1))).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("jvm_memory_used_bytes", "gatehouse_unlocks_pending_total",
        "hikaricp_connections_active");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsWaitedForWithALinePerAttempt() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    serve = start("--data-dir", tempDir.resolve("data").toString(),
        "--database-url", "jdbc:postgresql://127.0.0.1:" + closed + "/gatehouse",
        "serve", "--port", "0", "--log-format", "json");

    awaitLine(json -> json.get("formattedMessage").asText().contains("cannot be reached (attempt 2)"));
    assertThat(serve.isAlive()).as("serve waits instead of dying").isTrue();
    assertThat(err).filteredOn(text -> text.contains("cannot be reached (attempt 1)")).singleElement()
        .satisfies(text -> assertThat(JSON.readTree(text).get("level").asText()).isEqualTo("WARN"));
  }

  private Process start(String... args) throws IOException {
    return GatehouseProcess.start(out, err, args);
  }

  private int port() throws InterruptedException {
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

  private JsonNode awaitLine(Predicate<JsonNode> wanted) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : err) {
        JsonNode json = JSON.readTree(line);
        if (wanted.test(json)) {
          return json;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no such log line in " + err);
  }
}
