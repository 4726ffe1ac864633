package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A request id flows from {@code X-Request-Id} (or is made up) to the response header, the access
 * log's logging context and the problem document's {@code instance}, for requests Jetty refuses too.
 */
class RequestIdIT {
  /** Keeps each line with the logging context it had when written (Logback reads it lazily otherwise). */
  private final ListAppender<ILoggingEvent> access = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  };
  private Logger accessLogger;
  private RestFixture fx;

  @BeforeEach
  void setUp() {
    accessLogger = (Logger) LoggerFactory.getLogger(RestAccessLog.LOGGER);
    access.start();
    accessLogger.addAppender(access);
    fx = new RestFixture();
  }

  @AfterEach
  void tearDown() {
    fx.close();
    accessLogger.detachAppender(access);
  }

  @Test
  void aWellFormedIdFlowsToTheHeaderTheLogAndTheProblem() {
    Response response = fx.send("GET", "/api/v1/workspaces/nowhere", fx.adminToken, null,
        Map.of(RestRequestId.HEADER, "lb-7f3a.91_x"));

    assertThat(response.problem(404, "not-found").get("instance").asText())
        .isEqualTo("urn:gatehouse:request:lb-7f3a.91_x");
    assertThat(response.header(RestRequestId.HEADER)).isEqualTo("lb-7f3a.91_x");
    assertThat(awaitLinesOf("lb-7f3a.91_x")).singleElement()
        .satisfies(line -> assertThat(line.getFormattedMessage()).contains("status=404"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "new\\nline", "<script>", "semi;colon"})
  void aMalformedIdIsReplacedByAFreshOne(String given) {
    Response response = fx.send("GET", "/health", null, null, Map.of(RestRequestId.HEADER, given));

    String id = response.header(RestRequestId.HEADER);
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(awaitLinesOf(id)).hasSize(1);
  }

  @Test
  void anOverlongIdIsReplaced() {
    Response response = fx.send("GET", "/health", null, null, Map.of(RestRequestId.HEADER, "a".repeat(65)));

    assertThat(response.header(RestRequestId.HEADER)).matches("[0-9a-f]{32}");
  }

  @Test
  void everyRequestWithoutAnIdGetsItsOwn() {
    String first = fx.get("/health", null).header(RestRequestId.HEADER);
    String second = fx.get("/health", null).header(RestRequestId.HEADER);

    assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo(second);
  }

  @Test
  void aRequestJettyRefusesIsLoggedOnceWithItsId() {
    Response response = fx.send("GET", "/api/v1/%2e%2e/workspaces", null, null,
        Map.of(RestRequestId.HEADER, "bad-uri"));

    assertThat(response.status()).isBetween(400, 499);
    assertThat(response.header(RestRequestId.HEADER)).isEqualTo("bad-uri");
    assertThat(response.json().get("instance").asText()).isEqualTo("urn:gatehouse:request:bad-uri");
    assertThat(awaitLinesOf("bad-uri")).singleElement()
        .satisfies(line -> assertThat(line.getFormattedMessage()).contains("status=" + response.status()));
  }

  @Test
  void aRequestRefusedBeforeItsHeadersAreReadGetsAFreshIdInTheLogAndTheProblem() {
    Response response = fx.send("GET", "/api/v1/workspaces/" + "a".repeat(20_000), null, null,
        Map.of(RestRequestId.HEADER, "too-long-uri"));

    // The request line is over the limit, so Jetty never read the header: a fresh id names it.
    assertThat(response.status()).isEqualTo(414);
    String id = response.header(RestRequestId.HEADER);
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(response.json().get("instance").asText()).isEqualTo("urn:gatehouse:request:" + id);
    assertThat(awaitLinesOf(id)).singleElement()
        .satisfies(line -> assertThat(line.getFormattedMessage()).contains("status=414").doesNotContain("aaaa"));
  }

  @Test
  void aLongPollIsLoggedWithItsIdOnceItEnds() {
    String alice = fx.user("alice");
    fx.workspace("vault", "alice");
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", RestFixture.PHONE);
    fx.activate(alice, "vault", RestFixture.PHONE, "push");
    fx.clockFollowsRealTime();
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.status()).as(unlock.body()).isEqualTo(202);
    String challenge = unlock.json().at("/challenge/links/self").asText();

    Response polled = fx.send("GET", challenge + "?waitSeconds=1", alice, null,
        Map.of(RestRequestId.HEADER, "poll-1"));

    assertThat(polled.header(RestRequestId.HEADER)).isEqualTo("poll-1");
    assertThat(awaitLinesOf("poll-1")).singleElement()
        .satisfies(line -> assertThat(line.getFormattedMessage()).contains("route=/api/v1/challenges/{id}"));
  }

  /** The access-log lines of the request, once there is one (the line may follow the answer by a moment). */
  private List<ILoggingEvent> awaitLinesOf(String requestId) {
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !linesOf(requestId).isEmpty());
    return linesOf(requestId);
  }

  private List<ILoggingEvent> linesOf(String requestId) {
    return access.list.stream()
        .filter(event -> requestId.equals(event.getMDCPropertyMap().get(RestRequestId.MDC_KEY)))
        .toList();
  }
}
