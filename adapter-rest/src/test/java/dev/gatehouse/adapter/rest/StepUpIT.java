package dev.gatehouse.adapter.rest;

import static dev.gatehouse.adapter.rest.RestFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-entry step-up over real HTTP: 202 with the challenge, poll, reveal again; bound to entry and session. */
class StepUpIT {
  private static final String ENTRIES = "/api/v1/workspaces/vault/entries";
  private static final String PASSWORD = "correct horse battery staple";

  private RestFixture fx;
  private String alice;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
    alice = fx.user("alice");
    fx.workspace("vault");
    assertThat(fx.put("/api/v1/workspaces/vault/members/alice", fx.adminToken, "{\"role\":\"editor\"}").status())
        .isEqualTo(200);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private void activeDuo(String failmode) {
    fx.configureDuo("vault", failmode);
    fx.core.duo.enrolled("alice", PHONE);
    fx.activate(alice, "vault", PHONE, "push");
  }

  /** Unlocks with a push approved at Duo; returns the session token. */
  private String openWithDuo() {
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.status()).as(unlock.body()).isEqualTo(202);
    fx.core.duo.approve(fx.core.duo.lastTransaction());
    JsonNode approved = fx.get(unlock.json().at("/challenge/links/self").asText() + "?waitSeconds=5", alice).json();
    return fx.claim(approved, alice).get("token").asText();
  }

  private static String entry(String name, String stepUp) {
    return "{\"name\":\"" + name + "\",\"kind\":\"ssh\",\"host\":\"" + name + ".example.com\""
        + (stepUp == null ? "" : ",\"stepUp\":\"" + stepUp + "\"") + ",\"secret\":{\"password\":\"" + PASSWORD + "\"}}";
  }

  private Response add(String session, String name, String stepUp) {
    return fx.inSession("POST", ENTRIES, alice, session, entry(name, stepUp));
  }

  private Response reveal(String session, String name) {
    return fx.inSession("POST", ENTRIES + "/" + name + "/reveal", alice, session, null);
  }

  /** Reveals (202), approves the step-up push at Duo and polls it to approved. */
  private JsonNode stepUp(String session, String name) {
    Response pending = reveal(session, name);
    assertThat(pending.status()).as(pending.body()).isEqualTo(202);
    fx.core.duo.approve(fx.core.duo.lastTransaction());
    return fx.get(pending.json().at("/challenge/links/poll").asText().replace("waitSeconds=25", "waitSeconds=5"),
        alice).json();
  }

  @Test
  void aMarkedEntryAnswers202WithTheChallengeThenRevealsOnceApproved() {
    activeDuo(null);
    String session = openWithDuo();
    Response added = add(session, "vault-root", "PT5M");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("stepUp").asText()).isEqualTo("PT5M");

    Response pending = reveal(session, "vault-root");

    assertThat(pending.status()).as(pending.body()).isEqualTo(202);
    assertThat(pending.json().get("outcome").asText()).isEqualTo("pending");
    JsonNode challenge = pending.json().get("challenge");
    assertThat(challenge.get("purpose").asText()).isEqualTo("step_up");
    assertThat(challenge.get("state").asText()).isEqualTo("pending");
    assertThat(challenge.get("method").asText()).isEqualTo("push");
    assertThat(pending.header("Location")).isEqualTo(challenge.at("/links/self").asText());
    assertThat(challenge.at("/links/passcode").asText()).endsWith("/passcode");
    assertThat(challenge.at("/links/cancel").asText()).isEqualTo(challenge.at("/links/self").asText());
    assertThat(pending.body()).doesNotContain(PASSWORD);

    fx.core.duo.approve(fx.core.duo.lastTransaction());
    JsonNode approved = fx.get(challenge.at("/links/self").asText() + "?waitSeconds=5", alice).json();
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    assertThat(approved.at("/links/session").isMissingNode()).as("a step-up opens no session").isTrue();

    Response revealed = reveal(session, "vault-root");
    assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
    assertThat(revealed.json().get("password").asText()).isEqualTo(PASSWORD);
    JsonNode audit = fx.get("/api/v1/audit?workspace=vault", fx.adminToken).json();
    assertThat(audit.toString()).contains("step-up push approved at most PT5M ago").doesNotContain(PASSWORD);
  }

  @Test
  void theApprovalCountsForThatEntryAndThatSessionWithinTheWindowOnly() {
    activeDuo(null);
    String session = openWithDuo();
    add(session, "vault-root", "PT5M");
    add(session, "backup-root", "PT5M");
    assertThat(stepUp(session, "vault-root").get("state").asText()).isEqualTo("approved");

    assertThat(reveal(session, "backup-root").status()).isEqualTo(202);
    assertThat(reveal(session, "vault-root").status()).isEqualTo(200);
    assertThat(stepUp(session, "backup-root").get("state").asText()).isEqualTo("approved");

    String second = openWithDuo();
    assertThat(stepUp(second, "vault-root").get("state").asText()).isEqualTo("approved");
    assertThat(reveal(session, "vault-root").status()).isEqualTo(200);

    fx.core.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    Response expired = reveal(session, "vault-root");
    assertThat(expired.status()).as(expired.body()).isEqualTo(202);
    assertThat(expired.json().at("/challenge/purpose").asText()).isEqualTo("step_up");
  }

  @Test
  void aDeniedStepUpPushStartsTheCooldown() {
    activeDuo(null);
    String session = openWithDuo();
    add(session, "vault-root", "PT5M");
    Response pending = reveal(session, "vault-root");
    fx.core.duo.deny(fx.core.duo.lastTransaction());
    JsonNode denied = fx.get(pending.json().at("/challenge/links/self").asText() + "?waitSeconds=5", alice).json();
    assertThat(denied.get("denialReason").asText()).isEqualTo("denied");

    JsonNode problem = reveal(session, "vault-root").problem(403, "denied");

    assertThat(problem.get("code").asText()).isEqualTo("cooldown");
  }

  @Test
  void failmodeSafeNeverSkipsAStepUpWhenDuoIsDown() {
    activeDuo("safe");
    String session = openWithDuo();
    add(session, "vault-root", "PT5M");
    fx.core.duo.failAlways(Operation.PREAUTH,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.UNREACHABLE));

    Response answer = reveal(session, "vault-root");

    JsonNode problem = answer.problem(403, "denied");
    assertThat(problem.get("code").asText()).isEqualTo("duo_unavailable");
    assertThat(problem.get("detail").asText()).contains("never skipped");
    assertThat(answer.body()).doesNotContain(PASSWORD);
  }

  @Test
  void aStepUpOutsideItsBoundsOrNotADurationIsInvalidInput() {
    String session = fx.open(alice, "vault");

    for (String bad : new String[] {"PT30S", "PT25H", "5m"}) {
      JsonNode problem = add(session, "vault-root", bad).problem(400, "invalid-input");
      assertThat(problem.get("errors").toString()).as(bad).contains("stepUp");
    }
  }

  @Test
  void anEditWithoutStepUpClearsIt() {
    String session = fx.open(alice, "vault");
    add(session, "vault-root", "PT10M");

    Response edited = fx.inSession("PUT", ENTRIES + "/vault-root", alice, session,
        "{\"kind\":\"ssh\",\"host\":\"vault-root.example.com\",\"version\":0}");

    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().has("stepUp")).isFalse();
    assertThat(reveal(session, "vault-root").json().get("password").asText()).isEqualTo(PASSWORD);
  }

  @Test
  void aMarkedEntryInAWorkspaceWithoutDuoIsAConflict() {
    String session = fx.open(alice, "vault");
    add(session, "vault-root", "PT5M");

    reveal(session, "vault-root").problem(409, "duo-not-configured");
  }
}
