package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.bootstrap.RestNode.Response;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Fault;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-entry step-up over real HTTP against the real core, the embedded PostgreSQL and the Duo
 * simulator over HTTPS. Each test has its own member (pushes wait until the test answers them as
 * the phone) and workspace; Duo's preauth answer at step-up time is switched through every state:
 * {@code auth}, {@code allow} (bypass), {@code deny} (locked out) and {@code enroll}.
 */
class StepUpIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir
  static Path dataDir;

  private static DuoSimulator duo;
  private static RestNode node;
  private static String admin;

  @BeforeAll
  static void startGatehouseAndDuo() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    node = RestNode.start(dataDir, duo.writeCaPem(dataDir.resolve("duo-ca.pem")));
    admin = node.firstAdministrator("root");
  }

  @AfterAll
  static void stopEverything() {
    if (node != null) {
      node.close();
    }
    if (duo != null) {
      duo.close();
    }
  }

  /** A member with a verified push device in their own workspace, an open session and a marked entry. */
  private record Member(String name, String token, String session) {
    Response reveal(String entry) {
      return node.send("POST", "/api/v1/workspaces/" + name + "-ws/entries/" + entry + "/reveal", token, null,
          Map.of("Gatehouse-Session", session));
    }
  }

  private static Member member(String name, String failmode) {
    String phone = ("DP" + name.toUpperCase() + "00000000000000000000").substring(0, 20);
    duo.control().putUser(Scenario.User.active(name, Scenario.Device.phone(phone, "XXX-XXX-0808", name + "'s iPhone",
        "auto", "push", "sms", "phone", "mobile_otp").withPush(Scenario.Reaction.waitForControl())));
    String token = node.user(admin, name);
    String workspace = name + "-ws";
    node.workspace(admin, workspace);
    node.put("/api/v1/workspaces/" + workspace + "/members/" + name, admin, "{\"role\":\"editor\"}").expect(200);
    node.put("/api/v1/workspaces/" + workspace + "/mfa", admin, "{\"apiHostname\":\"" + duo.apiHostname()
        + "\",\"integrationKey\":\"" + duo.integrationKey() + "\",\"secretKey\":\"" + duo.secretKey()
        + "\",\"failmode\":\"" + failmode + "\"}").expect(200);
    String verifying = node.put("/api/v1/workspaces/" + workspace + "/duo/enrollment", token,
        "{\"device\":\"" + phone + "\",\"method\":\"push\"}").expect(202).json().at("/challenge/links/self").asText();
    assertThat(approveOnPhone(name, token, verifying).get("state").asText()).isEqualTo("approved");
    String unlock = node.post("/api/v1/workspaces/" + workspace + "/unlock", token, null).expect(202).json()
        .at("/challenge/links/self").asText();
    String session = node.claim(token, approveOnPhone(name, token, unlock)).get("token").asText();
    for (String entry : new String[] {"vault-root", "backup-root"}) {
      node.send("POST", "/api/v1/workspaces/" + workspace + "/entries", token, "{\"name\":\"" + entry
          + "\",\"kind\":\"ssh\",\"host\":\"" + entry + ".example.com\",\"stepUp\":\"PT5M\",\"secret\":{\"password\":\""
          + PASSWORD + "\"}}", Map.of("Gatehouse-Session", session)).expect(201);
    }
    return new Member(name, token, session);
  }

  private static JsonNode approveOnPhone(String name, String token, String challengeSelf) {
    duo.control().approve(duo.control().awaitPending(name, WAIT).txid());
    return node.awaitFinal(token, challengeSelf, WAIT);
  }

  private static String pending(Response reveal) {
    reveal.expect(202);
    JsonNode challenge = reveal.json().get("challenge");
    assertThat(challenge.get("purpose").asText()).isEqualTo("step_up");
    assertThat(challenge.get("state").asText()).isEqualTo("pending");
    return challenge.at("/links/self").asText();
  }

  @Test
  void aPushApprovedOnThePhoneRevealsThatEntryOnThatSessionOnly() {
    Member sam = member("sam", "secure");
    long auths = requestsOf("/auth", "sam");

    String self = pending(sam.reveal("vault-root"));
    assertThat(requestsOf("/auth", "sam")).isEqualTo(auths + 1);
    assertThat(approveOnPhone("sam", sam.token(), self).get("state").asText()).isEqualTo("approved");

    JsonNode revealed = sam.reveal("vault-root").expect(200).json();
    assertThat(revealed.get("password").asText()).isEqualTo(PASSWORD);
    assertThat(sam.reveal("vault-root").expect(200).json().get("password").asText()).isEqualTo(PASSWORD);
    assertThat(requestsOf("/auth", "sam")).isEqualTo(auths + 1);
    pending(sam.reveal("backup-root"));
    JsonNode audit = node.get("/api/v1/audit?workspace=sam-ws&user=sam", admin).expect(200).json();
    assertThat(audit.toString()).contains("step-up push approved at most PT5M ago").doesNotContain(PASSWORD);
  }

  @Test
  void aDeniedPushCoolsDownAndAFraudReportSuspends() {
    Member dan = member("dan", "secure");
    String self = pending(dan.reveal("vault-root"));
    duo.control().deny(duo.control().awaitPending("dan", WAIT).txid());
    assertThat(node.awaitFinal(dan.token(), self, WAIT).get("denialReason").asText()).isEqualTo("denied");
    assertThat(dan.reveal("vault-root").problem(403, "denied").get("code").asText()).isEqualTo("cooldown");

    Member fay = member("fay", "secure");
    self = pending(fay.reveal("vault-root"));
    duo.control().reportFraud(duo.control().awaitPending("fay", WAIT).txid());
    assertThat(node.awaitFinal(fay.token(), self, WAIT).get("denialReason").asText()).isEqualTo("fraud");
    fay.reveal("vault-root").problem(403, "session-required");
    assertThat(node.post("/api/v1/workspaces/fay-ws/unlock", fay.token(), null).problem(403, "denied")
        .get("code").asText()).isEqualTo("suspended");
  }

  @Test
  void everyOtherPreauthAnswerAtStepUpTimeRefusesTheReveal() {
    Member tess = member("tess", "safe");

    duo.control().setUserStatus("tess", Scenario.UserStatus.BYPASS);
    assertThat(tess.reveal("vault-root").problem(403, "denied").get("code").asText()).isEqualTo("duo_bypass_user");
    duo.control().setUserStatus("tess", Scenario.UserStatus.LOCKED_OUT);
    assertThat(tess.reveal("vault-root").problem(403, "denied").get("code").asText()).isEqualTo("duo_denied");
    duo.control().setUserStatus("tess", Scenario.UserStatus.NOT_ENROLLED);
    JsonNode enroll = tess.reveal("vault-root").problem(403, "denied");
    assertThat(enroll.get("code").asText()).isEqualTo("enrollment_required");
    assertThat(enroll.get("enrollmentUrl").asText()).startsWith("https://");
    duo.control().setUserStatus("tess", Scenario.UserStatus.ACTIVE);
    pending(tess.reveal("vault-root"));
  }

  @Test
  void failmodeSafeNeverSkipsAStepUpWhenDuoIsDown() {
    Member otto = member("otto", "safe");

    duo.control().injectFault(Fault.serverError("*", 503, -1));
    Response refused;
    try {
      refused = otto.reveal("vault-root");
    } finally {
      duo.control().clearFaults();
    }

    assertThat(refused.problem(403, "denied").get("code").asText()).isEqualTo("duo_unavailable");
    assertThat(refused.body()).doesNotContain(PASSWORD);
    JsonNode audit = node.get("/api/v1/audit?workspace=otto-ws&user=otto", admin).expect(200).json();
    assertThat(audit.get("events").findValuesAsText("type")).doesNotContain("failsafe_granted", "credential_revealed");
  }

  private static long requestsOf(String endpoint, String username) {
    return duo.control().requests().stream()
        .filter(r -> r.path().endsWith(endpoint) && username.equals(r.param("username"))).count();
  }
}
