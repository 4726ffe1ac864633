package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each injectable fault behaves as documented, then goes away after its count. */
class FaultInjectionIT {

  DuoSimulator sim;
  DuoTestClient client;

  @BeforeEach
  void start() {
    sim = DuoSimulator.start(Scenario.defaultScenario());
    client = new DuoTestClient(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void latencyDelaysThenAnswersNormally() {
    sim.control().injectFault(Fault.latency("check", Duration.ofMillis(400), 1));
    long start = System.nanoTime();
    DuoTestClient.Response r = client.get("/auth/v2/check");
    assertThat(r.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
    assertThat(sim.control().faults()).isEmpty();
  }

  @Test
  void serverErrorsForTheGivenCount() {
    sim.control().injectFault(Fault.serverError("/auth/v2/preauth", 503, 2));
    for (int i = 0; i < 2; i++) {
      DuoTestClient.Response r = client.post("/auth/v2/preauth", "username", "alice");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.code()).isEqualTo(50300);
      assertThat(r.json().get("stat").asText()).isEqualTo("FAIL");
    }
    assertThat(client.post("/auth/v2/preauth", "username", "alice").status()).isEqualTo(200);
  }

  @Test
  void clientErrorsAnswerWithDuosCodes() {
    sim.control().injectFault(Fault.clientError("preauth", 401, 1));
    sim.control().injectFault(Fault.clientError("preauth", 403, 1));
    sim.control().injectFault(Fault.clientError("preauth", 400, 1));

    assertThat(client.post("/auth/v2/preauth", "username", "alice").code()).isEqualTo(40103);
    assertThat(client.post("/auth/v2/preauth", "username", "alice").code()).isEqualTo(40301);
    DuoTestClient.Response r = client.post("/auth/v2/preauth", "username", "alice");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo(40002);
    assertThat(client.post("/auth/v2/preauth", "username", "alice").status()).isEqualTo(200);
  }

  @Test
  void aClientErrorIsOnly400401Or403() {
    assertThatThrownBy(() -> Fault.clientError("auth", 404, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rateLimitWithRetryAfter() {
    sim.control().injectFault(Fault.rateLimited("auth", 3, 7));
    for (int i = 0; i < 3; i++) {
      DuoTestClient.Response r = client.post("/auth/v2/auth", "username", "alice", "factor", "passcode",
          "passcode", "123456");
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.code()).isEqualTo(42901);
      assertThat(r.json().get("message").asText()).isEqualTo("Too Many Requests");
      assertThat(r.header("Retry-After")).isEqualTo("7");
    }
    assertThat(client.post("/auth/v2/auth", "username", "alice", "factor", "passcode", "passcode", "123456")
        .status()).isEqualTo(200);
  }

  @Test
  void rateLimitWithoutRetryAfter() {
    sim.control().injectFault(Fault.rateLimited("check", 1, null));
    DuoTestClient.Response r = client.get("/auth/v2/check");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isNull();
  }

  @Test
  void malformedJsonIsUnparseable() {
    sim.control().injectFault(Fault.malformedJson("check", 1));
    DuoTestClient.Response r = client.get("/auth/v2/check");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThatThrownBy(() -> new ObjectMapper().readTree(r.body())).isInstanceOf(Exception.class);
  }

  @Test
  void droppedConnectionGivesNoResponse() {
    sim.control().injectFault(Fault.dropConnection("preauth", 1));
    assertThatThrownBy(() -> client.post("/auth/v2/preauth", "username", "alice"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(client.post("/auth/v2/preauth", "username", "alice").status()).isEqualTo(200);
  }

  @Test
  void wildcardFaultUntilClearedHitsEveryEndpointIncludingPing() {
    sim.control().injectFault(Fault.serverError("*", 500, -1));
    assertThat(client.get("/auth/v2/ping").status()).isEqualTo(500);
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(500);
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(500);
    sim.control().clearFaults();
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
  }

  @Test
  void faultsAreInjectableOverTheControlApiAndLogged() {
    DuoTestClient.Response added = client.control("POST", "/_sim/faults",
        "{\"endpoint\":\"preauth\",\"kind\":\"rate_limit\",\"times\":1,\"retryAfterSeconds\":2}");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().get(0).get("kind").asText()).isEqualTo("rate_limit");

    assertThat(client.post("/auth/v2/preauth", "username", "alice").status()).isEqualTo(429);
    LoggedRequest logged = sim.control().requests().get(0);
    assertThat(logged.fault()).isEqualTo("rate_limit");
    assertThat(logged.status()).isEqualTo(429);
    assertThat(logged.errorCode()).isEqualTo(42901);
  }

  @Test
  void unknownFaultKindIsRejected() {
    DuoTestClient.Response r = client.control("POST", "/_sim/faults", "{\"kind\":\"gremlins\"}");
    assertThat(r.status()).isEqualTo(400);
  }
}
