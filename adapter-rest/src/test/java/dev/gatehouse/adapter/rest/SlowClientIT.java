package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Clients that send their bodies slowly, never, or only in part, over raw sockets: they are cut
 * off after the body-read timeout, never hold the request threads, and cost one log line at most.
 */
class SlowClientIT {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger root;
  private Logger jetty;
  private Level jettyLevel;
  private RestFixture fx;
  private String carol;

  @BeforeEach
  void setUp() {
    logs.start();
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logs);
    // What Jetty itself says at INFO is captured too: no request may make it echo input.
    jetty = (Logger) LoggerFactory.getLogger("org.eclipse.jetty");
    jettyLevel = jetty.getLevel();
    jetty.setLevel(Level.INFO);
    fx = new RestFixture();
    carol = fx.user("carol");
  }

  @AfterEach
  void tearDown() {
    fx.close();
    jetty.setLevel(jettyLevel);
    root.detachAppender(logs);
  }

  @Test
  void aBodyThatNeverArrivesInFullIsCutOffWith408AfterTheBodyTimeout() throws IOException {
    long started = System.nanoTime();
    try (Socket socket = slowBody("/api/v1/workspaces", fx.adminToken, 1000, "{\"na")) {
      String answer = readAnswer(socket, 15_000);
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(answer).startsWith("HTTP/1.1 408").containsIgnoringCase("Connection: close")
          .contains("urn:gatehouse:problem:request-timeout").doesNotContain("Exception");
      assertThat(seconds).isBetween(RestBodyReader.TIMEOUT.toSeconds() - 1, RestBodyReader.TIMEOUT.toSeconds() + 3);
    }
  }

  @Test
  void seventyStalledBodiesNeverStopHealthFromAnsweringWithinOneSecond() throws Exception {
    assertThat(fx.server.maxThreads()).isLessThan(80);
    List<Socket> stalled = new ArrayList<>();
    try {
      // A non-member's token will do: the body is read before anything looks at it.
      for (int i = 0; i < 80; i++) {
        stalled.add(slowBody("/api/v1/workspaces/vault/entries", carol, 60_000, "{"));
      }
      for (int i = 0; i < 6; i++) {
        long started = System.nanoTime();
        RestFixture.Response health = fx.get("/health", null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(health.status()).isEqualTo(200);
        assertThat(millis).as("health answered in %d ms with 80 stalled bodies", millis).isLessThan(1000);
        Thread.sleep(500);
      }
      assertThat(fx.server.busyThreads()).isLessThan(10);
      for (Socket socket : stalled) {
        assertThat(readAnswer(socket, 15_000)).startsWith("HTTP/1.1 408");
      }
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  @Test
  void aClientThatAbortsItsUploadCostsOneLineAndNoStackTrace() throws Exception {
    logs.list.clear();
    try (Socket socket = slowBody("/api/v1/workspaces", fx.adminToken, 1000, "{\"name\":")) {
      Thread.sleep(300);
    }
    Thread.sleep(1500);
    assertThat(logs.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    assertThat(logs.list).noneMatch(e -> e.getThrowableProxy() != null);
    assertThat(logs.list).hasSize(1).first().extracting(ILoggingEvent::getFormattedMessage).asString()
        .contains("route=" + RestAccessLog.ABORTED);
  }

  @Test
  void anotherFacesFormBodyReachesItsHandlerWhole() throws Exception {
    try (RestServer server = new RestServer(fx.core.gatehouse.authenticateApiToken(), List.of(),
        ReadinessCheck.alwaysReady(), RestConfig.of("127.0.0.1", 0), RestMetrics.NONE,
        List.of(cfg -> cfg.routes.post("/console/echo", ctx -> ctx.result(ctx.formParam("text")))))) {
      server.start();
      String text = "x".repeat(20_000);
      HttpResponse<String> echoed = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/console/echo"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("text=" + text)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(echoed.statusCode()).isEqualTo(200);
      assertThat(echoed.body()).isEqualTo(text);
    }
  }

  @Test
  void anUndeclaredBodyOverTheLimitIs413() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", fx.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fx.adminToken
          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      out.write(chunk);
      out.write(chunk);
      out.flush();
      assertThat(readAnswer(socket, 10_000)).startsWith("HTTP/1.1 413")
          .contains("urn:gatehouse:problem:body-too-large");
    }
  }

  @Test
  void aDeclaredBodyOverTheLimitIsReadThen413AndTheConnectionServesTheNextRequest() throws IOException {
    int length = 160 * 1024;
    try (Socket socket = slowBody("/api/v1/workspaces", fx.adminToken, length, "{\"name\":\"" + "x".repeat(length - 11))) {
      socket.getOutputStream().write("\"}".getBytes(StandardCharsets.US_ASCII));
      String answer = readAnswer(socket, 10_000);
      assertThat(answer).startsWith("HTTP/1.1 413").contains("urn:gatehouse:problem:body-too-large")
          .doesNotContainIgnoringCase("Connection: close");
      // Everything was read, so the connection is still good for the next request.
      socket.getOutputStream().write(("GET /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
          + fx.adminToken + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(readAnswer(socket, 10_000)).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void aDeclaredBodyOverTheLimitThatStallsIsCutOffWith408() throws IOException {
    try (Socket socket = slowBody("/api/v1/workspaces", fx.adminToken, 160 * 1024, "{")) {
      assertThat(readAnswer(socket, 15_000)).startsWith("HTTP/1.1 408").containsIgnoringCase("Connection: close");
    }
  }

  @Test
  void requestTargetsNeverReachTheLogUnescaped() throws Exception {
    String[] targets = {"/api/v1/%0d%0aINJECTED", "/api/v1/workspaces/a%0d%0aINJECTED",
        "/x%0aINJECTED", "/api/v1/workspaces?x=%0aINJECTED", "/api/v1/\u001b[31mINJECTED",
        "/api/v1/workspaces/%1b%5b31mINJECTED/members/%0aINJECTED"};
    for (String target : targets) {
      try (Socket socket = new Socket("127.0.0.1", fx.server.port())) {
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + fx.adminToken + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(readAnswer(socket, 5_000)).as(target).startsWith("HTTP/1.1 ");
      }
      // The same target with a body the client abandons.
      slowBody(target, fx.adminToken, 100, "{").close();
    }
    Thread.sleep(1000);
    assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
        .doesNotContain("\r").doesNotContain("\n").doesNotContain("\u001b").doesNotContain("INJECTED"));
  }

  /** Sends the head of a POST declaring {@code length} body bytes, and only {@code start} of them. */
  private Socket slowBody(String target, String token, int length, String start) throws IOException {
    Socket socket = new Socket("127.0.0.1", fx.server.port());
    OutputStream out = socket.getOutputStream();
    out.write(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n" + start)
        .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  /** What the server answers until it closes the connection or {@code millis} pass. */
  private static String readAnswer(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        read.write(buffer, 0, n);
        if (read.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n{") && read.toString().endsWith("}")) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      // whatever came is the answer
    }
    return read.toString(StandardCharsets.ISO_8859_1);
  }
}
