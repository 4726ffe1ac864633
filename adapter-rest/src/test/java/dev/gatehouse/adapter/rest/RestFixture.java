package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real Javalin server on a free loopback port over Gatehouse on in-memory fakes, an
 * administrator made the way the command line makes the first user, and a JDK HTTP client.
 */
final class RestFixture implements AutoCloseable {
  static final String HOST = "api-test.duosecurity.com";
  static final String IKEY = "DIWJ8X6AEYOR5OMC6TQ1";
  static final String SKEY = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";
  static final DuoDevice PHONE = new DuoDevice(new DeviceId("DPFZRS9FB0D46QFTM891"), "phone",
      "iOS (XXX-XXX-0100)", Set.of(DeviceCapability.PUSH, DeviceCapability.SMS, DeviceCapability.PHONE,
      DeviceCapability.MOBILE_OTP));
  static final DuoDevice TOKEN = new DuoDevice(new DeviceId("DHEKH0JJIYC1LX3AZWO4"), "token",
      "Hardware token", Set.of());

  final InMemoryGatehouse core = new InMemoryGatehouse();
  /** The Gatehouse the server runs: the core's, or one on the core's ports with other options. */
  final Gatehouse gatehouse;
  final RestServer server;
  final String adminToken;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private ScheduledExecutorService ticker;

  RestFixture() {
    this(RestConfig.of("127.0.0.1", 0), ReadinessCheck.alwaysReady());
  }

  RestFixture(RestConfig config, ReadinessCheck readiness) {
    this(config, readiness, RestMetrics.NONE);
  }

  /** A server whose Gatehouse follows Duo requests with these options (a small {@code maxPending}, say). */
  RestFixture(GatehouseOptions options) {
    this(RestConfig.of("127.0.0.1", 0), ReadinessCheck.alwaysReady(), RestMetrics.NONE, options);
  }

  RestFixture(RestConfig config, ReadinessCheck readiness, RestMetrics metrics) {
    this(config, readiness, metrics, null);
  }

  private RestFixture(RestConfig config, ReadinessCheck readiness, RestMetrics metrics, GatehouseOptions options) {
    gatehouse = options == null ? core.gatehouse : Gatehouse.assemble(core.ports, options);
    server = RestModule.server(gatehouse, readiness, config, metrics, List.of()).start();
    UserName admin = new UserName("admin");
    gatehouse.addUser().add(new AddUserCommand(admin, admin, Role.ADMINISTRATOR, Optional.empty()));
    adminToken = gatehouse.issueApiToken().issue(new IssueApiTokenCommand(admin, admin)).token().reveal();
  }

  /** Moves the fake clock along with real time, for tests that wait on the clock. */
  void clockFollowsRealTime() {
    ticker = Executors.newSingleThreadScheduledExecutor();
    long[] last = {System.nanoTime()};
    ticker.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      core.clock.advance(Duration.ofNanos(now - last[0]));
      last[0] = now;
    }, 5, 5, TimeUnit.MILLISECONDS);
  }

  // ---- scenario steps over HTTP ------------------------------------------------------------------

  /** Adds a user over REST (as the administrator) and issues their token over REST. */
  String user(String name) {
    assertThat(post("/api/v1/users", adminToken, "{\"name\":\"" + name + "\"}").status()).isEqualTo(201);
    Response issued = post("/api/v1/users/" + name + "/tokens", adminToken, null);
    assertThat(issued.status()).isEqualTo(201);
    return issued.json().get("token").asText();
  }

  void workspace(String name, String... members) {
    assertThat(post("/api/v1/workspaces", adminToken, "{\"name\":\"" + name + "\"}").status()).isEqualTo(201);
    for (String member : members) {
      assertThat(put("/api/v1/workspaces/" + name + "/members/" + member, adminToken, null).status())
          .isEqualTo(200);
    }
  }

  void configureDuo(String workspace, String failmode) {
    Response configured = put("/api/v1/workspaces/" + workspace + "/mfa", adminToken, duoSettings(failmode));
    assertThat(configured.status()).as(configured.body()).isEqualTo(200);
  }

  static String duoSettings(String failmode) {
    return "{\"apiHostname\":\"" + HOST + "\",\"integrationKey\":\"" + IKEY + "\",\"secretKey\":\"" + SKEY
        + "\"" + (failmode == null ? "" : ",\"failmode\":\"" + failmode + "\"") + "}";
  }

  /** Chooses the device and method, approves the verifying push (or types the passcode), and checks it is active. */
  void activate(String token, String workspace, DuoDevice device, String method) {
    Response chosen = put("/api/v1/workspaces/" + workspace + "/duo/enrollment", token,
        "{\"device\":\"" + device.id().value() + "\",\"method\":\"" + method + "\"}");
    assertThat(chosen.status()).as(chosen.body()).isEqualTo(202);
    String id = chosen.json().at("/challenge/id").asText();
    core.duo.approve(core.duo.lastTransaction());
    Response approved = get("/api/v1/challenges/" + id + "?waitSeconds=5", token);
    assertThat(approved.json().get("state").asText()).isEqualTo("approved");
  }

  /** Opens a workspace without MFA (granted at once) and returns the workspace session token. */
  String open(String token, String workspace) {
    Response unlock = post("/api/v1/workspaces/" + workspace + "/unlock", token, null);
    assertThat(unlock.status()).as(unlock.body()).isEqualTo(200);
    return unlock.json().at("/session/token").asText();
  }

  /**
   * Claims an approved unlock's session by following its {@code session} link (a POST), checks the
   * answer is 201 with the session, and returns the session's JSON.
   */
  JsonNode claim(JsonNode approved, String token) {
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    String link = approved.at("/links/session").asText();
    assertThat(link).as("the approved unlock's session link").isEqualTo(approved.at("/links/self").asText() + "/session");
    Response claimed = post(link, token, null);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
    assertThat(claimed.header("Location")).isEqualTo("/api/v1/workspaces/" + approved.get("workspace").asText() + "/session");
    return claimed.json();
  }

  /** Opens a Duo workspace with an approved push (the caller's device is active) and claims the session. */
  JsonNode openWithDuo(String token, String workspace) {
    Response unlock = post("/api/v1/workspaces/" + workspace + "/unlock", token, null);
    assertThat(unlock.status()).as(unlock.body()).isEqualTo(202);
    core.duo.approve(core.duo.lastTransaction());
    JsonNode approved = get(unlock.json().at("/challenge/links/self").asText() + "?waitSeconds=5", token).json();
    return claim(approved, token);
  }

  /**
   * Gives the administrator their own fresh Duo approval for a Duo workspace, as security-relevant
   * administration needs: makes them a member with {@link #PHONE} active for push, then opens it with Duo.
   */
  void adminApproval(String workspace) {
    assertThat(put("/api/v1/workspaces/" + workspace + "/members/admin", adminToken, null).status()).isEqualTo(200);
    approval(adminToken, "admin", workspace);
  }

  /** A member's own fresh Duo approval: {@link #PHONE} made active for push, then the workspace opened with Duo. */
  void approval(String token, String name, String workspace) {
    core.duo.enrolled(name, PHONE);
    activate(token, workspace, PHONE, "push");
    openWithDuo(token, workspace);
  }

  /** A request with the workspace session header (none when {@code session} is null). */
  Response inSession(String method, String path, String token, String session, String body) {
    return send(method, path, token, body, session == null ? Map.of() : Map.of(RestRequest.SESSION_HEADER, session));
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
      return sendAsync(request(method, path, token, body, headers)).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  HttpRequest request(String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
      builder.header("Content-Type", "application/json");
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return builder.build();
  }

  CompletableFuture<Response> sendAsync(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body(), json));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    server.close();
    if (gatehouse != core.gatehouse) {
      gatehouse.close();
    }
  }

  /** A response with its JSON body at hand. */
  record Response(int status, HttpHeaders headers, String body, ObjectMapper mapper) {
    JsonNode json() {
      try {
        return mapper.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** Asserts an RFC 9457 problem document of the given status and type. */
    JsonNode problem(int expectedStatus, String type) {
      assertThat(status).as(body).isEqualTo(expectedStatus);
      assertThat(contentType()).startsWith("application/problem+json");
      JsonNode problem = json();
      assertThat(problem.get("type").asText()).isEqualTo("urn:gatehouse:problem:" + type);
      assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
      assertThat(problem.get("title").asText()).isNotBlank();
      assertThat(problem.has("detail")).isTrue();
      assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
      return problem;
    }
  }

  /**
   * Sends a request with {@code body} over a raw socket and returns the raw answer (for bodies no
   * HTTP client would send as they are, e.g. over the size limit).
   */
  String rawSend(String method, String path, Map<String, String> headers, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    URI target = uri(path);
    try (Socket socket = new Socket(target.getHost(), target.getPort())) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: close\r\nContent-Length: " + bytes.length + "\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
