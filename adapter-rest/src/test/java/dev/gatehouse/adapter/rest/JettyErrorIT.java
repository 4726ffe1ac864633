package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors Jetty answers by itself (before Javalin routes anything) are problem documents too, never HTML. */
class JettyErrorIT {
  private RestFixture fx;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void encodedNulInThePathIs400Problem() {
    Response response = fx.get("/api/v1/workspaces/%00", fx.adminToken);
    assertProblem(response, 400);
    assertThat(response.json().get("type").asText()).isEqualTo(RestProblemType.INVALID_REQUEST.uri());
  }

  @Test
  void ambiguousPathSegmentsAreProblems() {
    for (String path : new String[] {"/api/v1/workspaces/a%2Fb", "/api/v1/%2e%2e/workspaces",
"/api/v1/workspaces/a%00b/members/x"}) {
      Response response = fx.get(path, fx.adminToken);
      assertThat(response.status()).as(path).isBetween(400, 499);
      assertProblem(response, response.status());
    }
  }

  @Test
  void overlongUriIs414Problem() {
    Response response = fx.get("/api/v1/workspaces/" + "a".repeat(20_000), fx.adminToken);
    assertProblem(response, 414);
    assertThat(response.json().get("type").asText()).isEqualTo(RestProblemType.URI_TOO_LONG.uri());
  }

  @Test
  void overlongHeaderIs431Problem() {
    Response response = fx.send("GET", "/api/v1/workspaces", null, null,
        Map.of("Authorization", "Bearer " + "x".repeat(10 * 1024)));
    assertProblem(response, 431);
    assertThat(response.json().get("type").asText()).isEqualTo(RestProblemType.HEADERS_TOO_LARGE.uri());
  }

  @Test
  void malformedRequestsAre400Problems() throws IOException {
    assertRaw400("GET /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
    assertRaw400("GET /api/v1/workspaces/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
  }

  @Test
  void anUnsupportedHttpVersionIsItsOwn505Problem() throws IOException {
    String raw = rawExchange("GET /api/v1/workspaces HTTP/3.0\r\nHost: x\r\n\r\n");
    assertThat(raw).startsWith("HTTP/1.1 505");
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    assertThat(body).contains("\"status\":505")
        .contains("\"type\":\"" + RestProblemType.VERSION_NOT_SUPPORTED.uri() + "\"")
        .doesNotContain("internal-error").doesNotContain("Exception");
  }

  @Test
  void aRequestJettyCannotParseIsAnsweredWithConnectionCloseAndTheConnectionCloses() throws IOException {
    for (String target : new String[] {"/api/v1/workspaces/%00%ff%fe", "/api/v1/workspaces/" + "w".repeat(9_000),
        "/api/v1/workspaces/%zz"}) {
      try (Socket socket = new Socket("127.0.0.1", fx.server.port())) {
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(answer).as(target.substring(0, Math.min(40, target.length()))).startsWith("HTTP/1.1 4")
            .containsIgnoringCase("\r\nConnection: close\r\n");
      }
    }
  }

  private void assertRaw400(String request) throws IOException {
    String raw = rawExchange(request);
    assertThat(raw).startsWith("HTTP/1.1 400");
    assertThat(raw).containsIgnoringCase("Content-Type: application/problem+json");
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    assertThat(body).contains("\"status\":400").contains("\"type\":\"urn:gatehouse:problem:")
        .doesNotContainIgnoringCase("<html").doesNotContain("Exception");
  }

  private static void assertProblem(Response response, int status) {
    JsonNode problem = response.problem(status, response.json().get("type").asText()
        .replace("urn:gatehouse:problem:", ""));
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(response.body()).doesNotContainIgnoringCase("<html").doesNotContain("jetty")
        .doesNotContain("Exception");
  }

  private String rawExchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", fx.server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          read.write(buffer, 0, n);
          if (read.toString(StandardCharsets.ISO_8859_1).contains("}")) {
            break;
          }
        }
      } catch (java.net.SocketTimeoutException e) {
        // whatever came is the answer
      }
      return read.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
