package dev.gatehouse.adapter.rest;

import static dev.gatehouse.adapter.rest.RestFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Duo readiness report over real HTTP: saved and unsaved settings, every preauth state, administrators only. */
class DuoReadinessIT {
  private static final String READINESS = "/api/v1/workspaces/vault/duo/readiness";

  private RestFixture fx;
  private String alice;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
    alice = fx.user("alice");
    for (String name : new String[] {"bob", "dave", "erin", "frank"}) {
      fx.user(name);
    }
    fx.workspace("vault", "alice", "bob", "dave", "erin", "frank");
    fx.core.duo.enrolled("alice", PHONE).enrolled("bob", PHONE).bypass("dave").notEnrolled("erin").lockedOut("frank");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private static JsonNode member(JsonNode report, String name) {
    for (JsonNode m : report.get("members")) {
      if (m.get("member").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no member " + name + " in " + report);
  }

  @Test
  void reportsEveryPreauthStateWithTheSavedSettingsWithoutSendingAnything() {
    fx.configureDuo("vault", null);
    fx.activate(alice, "vault", PHONE, "push");
    long pushes = fx.core.duo.count(Operation.START_AUTH);

    Response answer = fx.get(READINESS, fx.adminToken);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode report = answer.json();
    assertThat(report.get("workspace").asText()).isEqualTo("vault");
    assertThat(report.get("unsavedSettings").asBoolean()).isFalse();
    assertThat(report.get("checkedAt").asText()).isNotBlank();
    assertThat(report.get("members")).extracting(m -> m.get("member").asText())
        .containsExactly("alice", "bob", "dave", "erin", "frank");
    assertThat(member(report, "alice").get("preauth").asText()).isEqualTo("auth");
    assertThat(member(report, "alice").at("/activeChoice/device").asText()).isEqualTo(PHONE.id().value());
    assertThat(member(report, "alice").get("choiceStillListed").asBoolean()).isTrue();
    assertThat(member(report, "alice").at("/devices/0/methods").toString()).contains("push");
    assertThat(member(report, "bob").get("reason").asText()).contains("no device chosen");
    assertThat(member(report, "bob").get("reasonCode").asText()).isEqualTo("no_device_chosen");
    assertThat(member(report, "alice").get("reason").asText())
        .isEqualTo("Duo will ask on " + PHONE.id().value() + " by push");
    assertThat(member(report, "frank").get("reasonCode").asText()).isEqualTo("duo_denies");
    assertThat(member(report, "dave").get("preauth").asText()).isEqualTo("allow");
    assertThat(member(report, "erin").get("enrollmentUrl").asText()).startsWith("https://");
    assertThat(member(report, "frank").get("preauth").asText()).isEqualTo("deny");
    assertThat(report.at("/summary/asked").toString()).isEqualTo("[\"alice\"]");
    assertThat(report.at("/summary/cannotGetIn").toString()).isEqualTo("[\"bob\",\"erin\",\"frank\"]");
    assertThat(report.at("/summary/noSecondFactor").toString()).isEqualTo("[\"dave\"]");
    assertThat(report.at("/summary/notChecked")).isEmpty();
    assertThat(fx.core.duo.count(Operation.START_AUTH)).isEqualTo(pushes);
    JsonNode audit = fx.get("/api/v1/audit?workspace=vault", fx.adminToken).json();
    assertThat(audit.toString()).contains("duo_readiness_checked").contains("asked 1");
  }

  @Test
  void checksUnsavedSettingsAndNeverEchoesTheSecret() {
    Response answer = fx.post(READINESS, fx.adminToken, RestFixture.duoSettings(null));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("unsavedSettings").asBoolean()).isTrue();
    assertThat(answer.json().at("/summary/cannotGetIn").toString()).contains("alice", "bob");
    assertThat(answer.body()).doesNotContain(RestFixture.SKEY);
    assertThat(fx.get("/api/v1/workspaces/vault/mfa", fx.adminToken).json().get("type").asText()).isEqualTo("none");
  }

  @Test
  void withoutSavedSettingsTheGetIsAConflict() {
    fx.get(READINESS, fx.adminToken).problem(409, "duo-not-configured");
  }

  @Test
  void malformedUnsavedSettingsAreInvalidInputWithoutTheSecret() {
    String body = "{\"apiHostname\":\"" + RestFixture.HOST + "\",\"integrationKey\":\"short\",\"secretKey\":\""
        + RestFixture.SKEY + "\"}";

    Response answer = fx.post(READINESS, fx.adminToken, body);

    JsonNode problem = answer.problem(400, "invalid-input");
    assertThat(problem.get("errors").toString()).contains("integrationKey");
    assertThat(answer.body()).doesNotContain(RestFixture.SKEY);
  }

  @Test
  void settingsDuoRefusesAreADuoProblem() {
    fx.core.duo.failNext(Operation.CHECK,
        FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.CREDENTIALS_REJECTED));

    fx.post(READINESS, fx.adminToken, RestFixture.duoSettings(null)).problem(502, "duo-rejected");
    assertThat(fx.core.duo.count(Operation.PREAUTH)).isZero();
  }

  @Test
  void aMemberDuoCouldNotAnswerForIsWordedFromTheProblemClassAndTheGatewaysReport() {
    fx.configureDuo("vault", null);
    fx.core.duo.failAlways(Operation.PREAUTH,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.UNREACHABLE));

    JsonNode bob = member(fx.get(READINESS, fx.adminToken).json(), "bob");

    assertThat(bob.get("verdict").asText()).isEqualTo("not_checked");
    assertThat(bob.get("reasonCode").asText()).isEqualTo("not_checked");
    assertThat(bob.get("reason").asText()).isEqualTo("could not be checked: Duo is unavailable: simulated UNREACHABLE");
  }

  @Test
  void onlyAdministratorsSeeTheReport() {
    fx.configureDuo("vault", null);

    fx.get(READINESS, alice).problem(403, "forbidden");
    fx.post(READINESS, alice, RestFixture.duoSettings(null)).problem(403, "forbidden");
    assertThat(fx.core.duo.count(Operation.PREAUTH)).isZero();
  }
}
