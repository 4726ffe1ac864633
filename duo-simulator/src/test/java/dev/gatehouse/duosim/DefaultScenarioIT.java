package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default scenario behaves as issue 3 lists it, over HTTPS with signed requests. */
class DefaultScenarioIT {

  static DuoSimulator sim;
  static DuoTestClient client;

  @BeforeAll
  static void start() {
    sim = DuoSimulator.start(Scenario.defaultScenario());
    client = new DuoTestClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void aliceHasAPhoneWithEveryCapability() {
    JsonNode r = client.post("/auth/v2/preauth", "username", "alice").response();

    assertThat(r.get("result").asText()).isEqualTo("auth");
    JsonNode device = r.get("devices").get(0);
    assertThat(device.get("type").asText()).isEqualTo("phone");
    assertThat(device.get("capabilities")).extracting(JsonNode::asText)
        .containsExactly("auto", "push", "sms", "phone", "mobile_otp");
  }

  @Test
  void alicesPushIsApprovedAfterAboutASecond() {
    long start = System.nanoTime();
    JsonNode r = client.post("/auth/v2/auth", "username", "alice", "factor", "push", "device", "auto").response();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.get("result").asText()).isEqualTo("allow");
    assertThat(r.get("status").asText()).isEqualTo("allow");
    assertThat(r.get("status_msg").asText()).isEqualTo("Success. Logging you in...");
    assertThat(millis).isBetween(700L, 20_000L);
  }

  @Test
  void alicesPasscode123456IsAccepted() {
    JsonNode r = client.post("/auth/v2/auth", "username", "alice", "factor", "passcode", "passcode", "123456")
        .response();
    assertThat(r.get("result").asText()).isEqualTo("allow");
  }

  @Test
  void bobsPushIsDenied() {
    JsonNode r = client.post("/auth/v2/auth", "username", "bob", "factor", "auto", "device", "auto").response();
    assertThat(r.get("result").asText()).isEqualTo("deny");
    assertThat(r.get("status").asText()).isEqualTo("deny");
    assertThat(r.get("status_msg").asText()).isEqualTo("Login request denied.");
  }

  @Test
  void carolIsLockedOut() {
    assertThat(client.post("/auth/v2/preauth", "username", "carol").response().get("result").asText())
        .isEqualTo("deny");
    JsonNode auth = client.post("/auth/v2/auth", "username", "carol", "factor", "push", "device", "auto").response();
    assertThat(auth.get("status").asText()).isEqualTo("locked_out");
  }

  @Test
  void daveMustEnroll() {
    JsonNode r = client.post("/auth/v2/preauth", "username", "dave").response();
    assertThat(r.get("result").asText()).isEqualTo("enroll");
    assertThat(r.get("enroll_portal_url").asText()).startsWith("https://");
  }

  @Test
  void erinIsBypassed() {
    assertThat(client.post("/auth/v2/preauth", "username", "erin").response().get("result").asText())
        .isEqualTo("allow");
    JsonNode auth = client.post("/auth/v2/auth", "username", "erin", "factor", "auto").response();
    assertThat(auth.get("result").asText()).isEqualTo("allow");
    assertThat(auth.get("status").asText()).isEqualTo("bypass");
  }

  @Test
  void defaultScenarioServesALogo() {
    DuoTestClient.Response r = client.get("/auth/v2/logo");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("image/png");
    assertThat(r.body()).startsWith(0x89, 'P', 'N', 'G');
  }
}
