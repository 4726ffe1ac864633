package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.adapter.cli.RuntimeOptions;
import dev.gatehouse.adapter.rest.RestConfig;
import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.adapter.rest.RestServer;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One Gatehouse node as {@code gatehouse serve} runs it: a {@link GatehouseRuntime} on a data
 * directory (embedded PostgreSQL, started or joined), trusting the Duo simulator's CA file, with
 * its {@link RestServer} on a free loopback port; and a JDK HTTP client that talks to it and keeps
 * every answer it got, so that tests can check what ever left the server.
 */
final class RestNode implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final GatehouseRuntime runtime;
  private final RestServer server;
  private final List<Response> answers;

  private RestNode(GatehouseRuntime runtime, RestServer server, List<Response> answers) {
    this.runtime = runtime;
    this.server = server;
    this.answers = answers;
  }

  /** Starts a node on the data directory, keeping its answers in a list of its own. */
  static RestNode start(Path dataDir, Path duoCaFile) {
    return start(dataDir, duoCaFile, new CopyOnWriteArrayList<>());
  }

  /** Starts a node on the data directory, adding its answers to {@code answers} (shared by several nodes). */
  static RestNode start(Path dataDir, Path duoCaFile, List<Response> answers) {
    return start(dataDir, duoCaFile, answers, Metrics.off());
  }

  /** Starts a node as {@code serve} does, with Prometheus metrics (served at {@code /metrics}). */
  static RestNode startWithMetrics(Path dataDir, Path duoCaFile) {
    return start(dataDir, duoCaFile, new CopyOnWriteArrayList<>(), Metrics.prometheus());
  }

  private static RestNode start(Path dataDir, Path duoCaFile, List<Response> answers, Metrics metrics) {
    RuntimeOptions options = new RuntimeOptions(Optional.of(dataDir), Optional.empty(), Optional.of(duoCaFile));
    return start(Settings.from(options, Map.of()), answers, metrics, GatehouseOptions.server());
  }

  /** Starts a node on the given settings (an external database, say) and options for following Duo. */
  static RestNode start(Settings settings, GatehouseOptions following) {
    return start(settings, new CopyOnWriteArrayList<>(), Metrics.off(), following);
  }

  private static RestNode start(Settings settings, List<Response> answers, Metrics metrics,
      GatehouseOptions following) {
    GatehouseRuntime runtime = GatehouseRuntime.start(settings, DatabaseWait.none(), metrics, following);
    try {
      RestServer server = runtime.restServer(RestConfig.of("127.0.0.1", 0)).start();
      runtime.metrics().bindHttpServer(server);
      return new RestNode(runtime, server, answers);
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /** Makes the first user (an administrator) through the core, as {@code user add} does, and returns their API token. */
  String firstAdministrator(String name) {
    UserName admin = new UserName(name);
    runtime.gatehouse().addUser().add(new AddUserCommand(admin, admin, Role.ADMINISTRATOR, Optional.empty()));
    return runtime.gatehouse().issueApiToken().issue(new IssueApiTokenCommand(admin, admin)).token().reveal();
  }

  GatehouseRuntime runtime() {
    return runtime;
  }

  int port() {
    return server.port();
  }

  /** Every answer this node's client received, in order. */
  List<Response> answers() {
    return answers;
  }

  // ---- scenario steps over HTTP ------------------------------------------------------------------

  /** Adds a member over REST (as the administrator) and issues their API token over REST. */
  String user(String adminToken, String name) {
    post("/api/v1/users", adminToken, "{\"name\":\"" + name + "\"}").expect(201);
    return post("/api/v1/users/" + name + "/tokens", adminToken, null).expect(201).json().get("token").asText();
  }

  /** Creates a workspace over REST and adds its members. */
  void workspace(String adminToken, String name, String... members) {
    post("/api/v1/workspaces", adminToken, "{\"name\":\"" + name + "\"}").expect(201);
    for (String member : members) {
      put("/api/v1/workspaces/" + name + "/members/" + member, adminToken, null).expect(200);
    }
  }

  /** Reads a challenge until it is final (or {@code limit} passes), with short long polls. */
  JsonNode awaitFinal(String token, String challengeSelf, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      JsonNode challenge = get(challengeSelf + "?waitSeconds=3", token).expect(200).json();
      String state = challenge.get("state").asText();
      if (!state.equals("pending") || System.nanoTime() > deadline) {
        return challenge;
      }
    }
  }

  /**
   * Claims an approved unlock's session: a POST on its {@code session} link, answered 201 with the
   * session (token shown once). Returns the session.
   */
  JsonNode claim(String token, JsonNode approved) {
    String link = approved.at("/links/session").asText();
    assertThat(link).as("the session link of " + approved).isNotEmpty();
    return post(link, token, null).expect(201).json();
  }

  // ---- HTTP --------------------------------------------------------------------------------------

  Response get(String path, String token) {
    return send("GET", path, token, null, Map.of());
  }

  Response post(String path, String token, String body) {
    return send("POST", path, token, body, Map.of());
  }

  Response put(String path, String token, String body) {
    return send("PUT", path, token, body, Map.of());
  }

  Response delete(String path, String token) {
    return send("DELETE", path, token, null, Map.of());
  }

  Response send(String method, String path, String token, String body, Map<String, String> headers) {
    try {
      return sendAsync(method, path, token, body, headers).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  CompletableFuture<Response> sendAsync(String method, String path, String token, String body,
      Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return HTTP.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Response(method + " " + path, r.statusCode(), r.headers(), r.body()))
        .thenApply(r -> {
          answers.add(r);
          return r;
        });
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** Stops the server, then the runtime (the embedded PostgreSQL stops with its last user). */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      runtime.close();
    }
  }

  /** One answer with its JSON body at hand. */
  record Response(String request, int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    /** Asserts the status and returns this answer. */
    Response expect(int expected) {
      assertThat(status).as(request + " answered " + body).isEqualTo(expected);
      return this;
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** Asserts an RFC 9457 problem document of the status and type; returns it. */
    JsonNode problem(int expectedStatus, String type) {
      expect(expectedStatus);
      assertThat(headers.firstValue("Content-Type").orElse("")).as(request).startsWith("application/problem+json");
      JsonNode problem = json();
      assertThat(problem.get("type").asText()).as(request + " " + body).isEqualTo("urn:gatehouse:problem:" + type);
      assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
      assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
      return problem;
    }

    /** The body and headers, everything that left the server in this answer. */
    String everything() {
      return body + " " + headers.map();
    }
  }
}
