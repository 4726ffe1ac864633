package dev.gatehouse.adapter.rest;

import static dev.gatehouse.adapter.rest.RestFixture.PHONE;
import static dev.gatehouse.adapter.rest.RestFixture.SKEY;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Duo secret key never leaves in a response body or a log line (at the production level,
 * INFO); neither do API tokens, session tokens or passcodes appear in any log line, and the access
 * log names route templates, not raw paths.
 */
class SecretHygieneIT {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<String> bodies = new ArrayList<>();
  private Logger root;
  private RestFixture fx;

  @BeforeEach
  void setUp() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    fx = new RestFixture();
  }

  @AfterEach
  void tearDown() {
    fx.close();
    root.detachAppender(logs);
  }

  @Test
  void secretKeyTokensAndPasscodesStayOutOfResponsesAndLogs() {
    String alice = fx.user("alice");
    fx.workspace("vault", "alice");
    String settings = RestFixture.duoSettings("secure");

    keep(fx.post("/api/v1/duo/check", fx.adminToken, settings));
    fx.core.duo.failNext(Operation.CHECK,
        FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.CREDENTIALS_REJECTED));
    keep(fx.post("/api/v1/duo/check", fx.adminToken, settings));
    fx.core.duo.failNext(Operation.CHECK,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.SERVER_ERROR));
    keep(fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken, settings));
    keep(fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken, settings));
    // The secret inside invalid and malformed requests.
    keep(fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken,
        "{\"apiHostname\":\"bad host\",\"integrationKey\":\"x\",\"secretKey\":\"" + SKEY + "\"}"));
    keep(fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken,
        "{\"secretKey\":\"" + SKEY + "\",\"unknown\":\"" + SKEY + "\"}"));
    keep(fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken, "{\"secretKey\":\"" + SKEY + "\" oops"));
    keep(fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken, "{\"secretKey\":" + SKEY + "}"));
    keep(fx.put("/api/v1/workspaces/vault/mfa", alice, settings));
    keep(fx.get("/api/v1/workspaces/vault/mfa", fx.adminToken));
    keep(fx.get("/api/v1/workspaces/vault", alice));
    keep(fx.get("/api/v1/workspaces", fx.adminToken));

    fx.core.duo.enrolled("alice", PHONE).acceptsPasscode("alice", "778899");
    keep(fx.get("/api/v1/workspaces/vault/duo/devices", alice));
    Response chosen = keep(fx.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"sms\"}"));
    String passcodeLink = chosen.json().at("/challenge/links/passcode").asText();
    keep(fx.post(passcodeLink, alice, "{\"passcode\":\"111222\"}"));
    keep(fx.post(passcodeLink, alice, "{\"passcode\":\"778899\"}"));
    Response unlock = keep(fx.post("/api/v1/workspaces/vault/unlock", alice, null));
    String challengeId = unlock.json().at("/challenge/id").asText();
    keep(fx.get("/api/v1/challenges/" + challengeId + "?waitSeconds=1", alice));
    Response opened = keep(fx.post(unlock.json().at("/challenge/links/passcode").asText(), alice,
        "{\"passcode\":\"778899\"}"));
    String session = fx.claim(opened.json(), alice).get("token").asText();
    keep(fx.get("/api/v1/audit?limit=1000", fx.adminToken));

    assertThat(session).isNotBlank();
    assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(SKEY));
    String logText = logText();
    assertThat(logText).doesNotContain(SKEY).doesNotContain(fx.adminToken).doesNotContain(alice)
        .doesNotContain(session).doesNotContain("778899").doesNotContain("111222")
        .doesNotContain(challengeId);
    assertThat(accessLines()).contains(
        "method=PUT route=/api/v1/workspaces/{name}/mfa status=200",
        "method=POST route=/api/v1/challenges/{id}/passcode status=200",
        "method=PUT route=/api/v1/workspaces/{name}/mfa status=400",
        "method=PUT route=/api/v1/workspaces/{name}/mfa status=403",
        "method=POST route=/api/v1/workspaces/{name}/unlock status=202",
        "method=GET route=/api/v1/challenges/{id} status=200");
  }

  @Test
  void entrySecretsAppearOnlyInRevealAndSessionAndApiTokensInNoLog() {
    String password = "pw-" + "Zq7".repeat(8);
    String privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\\nKEYBODY" + "Xy9".repeat(20)
        + "\\n-----END OPENSSH PRIVATE KEY-----";
    String keyBody = "KEYBODY" + "Xy9".repeat(20);
    String alice = fx.user("alice");
    fx.workspace("vault");
    fx.put("/api/v1/workspaces/vault/members/alice", fx.adminToken, "{\"role\":\"editor\"}");
    String session = fx.open(alice, "vault");
    String entries = "/api/v1/workspaces/vault/entries";

    List<String> reveals = new ArrayList<>();
    keep(fx.inSession("POST", entries, alice, session, "{\"name\":\"web1\",\"kind\":\"ssh\",\"host\":\"h\","
        + "\"secret\":{\"password\":\"" + password + "\"}}"));
    keep(fx.inSession("POST", entries, alice, session, "{\"name\":\"git\",\"kind\":\"ssh\",\"host\":\"h\","
        + "\"secret\":{\"privateKey\":\"" + privateKey + "\"}}"));
    keep(fx.inSession("GET", entries, alice, session, null));
    keep(fx.inSession("GET", entries + "/web1", alice, session, null));
    keep(fx.inSession("PUT", entries + "/git", alice, session, "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":0,"
        + "\"secret\":{\"privateKey\":\"" + privateKey + "\"}}"));
    // The secrets inside refused requests: invalid, unknown field, malformed, stale, too large, no session.
    keep(fx.inSession("POST", entries, alice, session, "{\"name\":\"bad name\",\"kind\":\"ssh\",\"host\":\"h\","
        + "\"secret\":{\"password\":\"" + password + "\",\"privateKey\":\"" + privateKey + "\"}}"));
    keep(fx.inSession("POST", entries, alice, session, "{\"name\":\"x\",\"kind\":\"ssh\",\"host\":\"h\","
        + "\"secret\":{\"pass\":\"" + password + "\"}}"));
    keep(fx.inSession("POST", entries, alice, session, "{\"secret\":{\"password\":\"" + password + "\" oops"));
    keep(fx.inSession("POST", entries, alice, session, "{\"secret\":{\"password\":" + password + "}}"));
    keep(fx.inSession("PUT", entries + "/web1", alice, session, "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":9,"
        + "\"secret\":{\"password\":\"" + password + "\"}}"));
    // Too large: declared over the limit, read and thrown away, then refused.
    String big = "{\"name\":\"big\",\"kind\":\"ssh\",\"host\":\"h\",\"secret\":{\"privateKey\":\""
        + keyBody.repeat(2000) + "\"}}";
    String tooLarge = fx.rawSend("POST", entries, Map.of("Authorization", "Bearer " + alice,
        RestRequest.SESSION_HEADER, session, "Content-Type", "application/json"), big);
    assertThat(tooLarge).startsWith("HTTP/1.1 413");
    bodies.add(tooLarge);
    keep(fx.inSession("POST", entries, alice, null, "{\"name\":\"y\",\"kind\":\"ssh\",\"host\":\"h\","
        + "\"secret\":{\"password\":\"" + password + "\"}}"));
    keep(fx.get("/api/v1/audit?limit=1000", fx.adminToken));
    keep(fx.post("/api/v1/sessions/introspect", fx.adminToken, "{\"token\":\"" + session + "\"}"));
    keep(fx.get("/api/v1/workspaces/vault/sessions", fx.adminToken));
    keep(fx.inSession("GET", "/api/v1/workspaces/vault/session", alice, session, null));
    keep(fx.get("/api/v1/tokens", fx.adminToken));
    String issued = fx.post("/api/v1/users/alice/tokens", fx.adminToken, "{\"expiresIn\":\"PT1H\"}")
        .json().get("token").asText();
    keep(fx.get("/api/v1/users", fx.adminToken));
    reveals.add(fx.inSession("POST", entries + "/web1/reveal", alice, session, null).body());
    reveals.add(fx.inSession("POST", entries + "/git/reveal", alice, session, null).body());

    assertThat(reveals.get(0)).contains(password);
    assertThat(reveals.get(1)).contains(keyBody);
    assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(password).doesNotContain(keyBody)
        .doesNotContain(session).doesNotContain(alice).doesNotContain(issued));
    assertThat(logText()).doesNotContain(password).doesNotContain(keyBody).doesNotContain(session)
        .doesNotContain(alice).doesNotContain(issued).doesNotContain(fx.adminToken);
    assertThat(accessLines()).contains(
        "method=POST route=/api/v1/workspaces/{name}/entries/{entry}/reveal status=200",
        "method=POST route=(rejected) status=413",
        "method=POST route=/api/v1/workspaces/{name}/entries status=403");
  }

  @Test
  void everyRequestGetsOneAccessLogLine() {
    fx.get("/health", null);
    fx.get("/api/v1/workspaces", null);
    fx.get("/nowhere/" + fx.adminToken, fx.adminToken);
    fx.delete("/health", null);
    assertThat(accessLines()).containsExactly(
        "method=GET route=/health status=200",
        "method=GET route=/api/v1/workspaces status=401",
        "method=GET route=(unmatched) status=404",
        "method=DELETE route=(unmatched) status=405");
    assertThat(logs.list.stream().filter(e -> e.getLoggerName().equals(RestAccessLog.LOGGER)))
        .allSatisfy(e -> assertThat(e.getFormattedMessage()).matches(".* durationMs=\\d+\\.\\d"));
    assertThat(logText()).doesNotContain(fx.adminToken);
  }

  private Response keep(Response response) {
    bodies.add(response.body() + response.headers().map());
    return response;
  }

  private List<String> accessLines() {
    return logs.list.stream().filter(e -> e.getLoggerName().equals(RestAccessLog.LOGGER))
        .map(e -> e.getFormattedMessage().replaceAll(" durationMs=.*", "")).toList();
  }

  private String logText() {
    return logs.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap() + " "
        + throwable(e.getThrowableProxy())).collect(Collectors.joining("\n"));
  }

  private static String throwable(IThrowableProxy proxy) {
    return proxy == null ? "" : ThrowableProxyUtil.asString(proxy);
  }
}
