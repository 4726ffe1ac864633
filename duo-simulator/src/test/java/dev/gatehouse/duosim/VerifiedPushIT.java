package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verified Duo Push: a client that sends {@code client_supports_verified_push=1} gets a preauth
 * txid, passes it to /auth, reads the code from auth_status, and only the right code approves; a
 * client that does not send the flag has the policy bypassed and gets a plain push.
 */
class VerifiedPushIT {

  static final String PHONE = "DPVERIFIED0000000001";

  DuoSimulator sim;
  DuoTestClient client;

  void start(Scenario scenario) {
    sim = DuoSimulator.start(scenario);
    client = new DuoTestClient(sim);
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  static Scenario.User vera() {
    return Scenario.User.active("vera", Scenario.Device.phone(PHONE, "XXX-XXX-0909", "Vera's phone", "auto", "push")
        .withPush(Scenario.Reaction.waitForControl())).withVerifiedPush();
  }

  String verifiedPreauthTxid(String username) {
    JsonNode preauth = client.post("/auth/v2/preauth", "username", username, "client_supports_verified_push", "1")
        .response();
    assertThat(preauth.get("result").asText()).isEqualTo("auth");
    assertThat(preauth.hasNonNull("txid")).as(preauth.toString()).isTrue();
    return preauth.get("txid").asText();
  }

  String startVerifiedPush(String username) {
    String preauthTxid = verifiedPreauthTxid(username);
    String txid = client.post("/auth/v2/auth", "username", username, "factor", "push", "device", "auto",
        "async", "1", "txid", preauthTxid).response().get("txid").asText();
    assertThat(txid).isEqualTo(preauthTxid);
    return txid;
  }

  @Test
  void showsTheCodeInAuthStatusAndApprovesWithTheRightCode() {
    start(Scenario.builder().user(vera()).build());
    String txid = startVerifiedPush("vera");
    String code = sim.control().transaction(txid).orElseThrow().verificationCode();
    assertThat(code).matches("\\d{3}");

    JsonNode waiting = client.get("/auth/v2/auth_status", "txid", txid).response();
    assertThat(waiting.get("result").asText()).isEqualTo("waiting");
    assertThat(waiting.get("status_msg").asText()).contains("verification code " + code + " ");

    JsonNode verified = client.control("POST", "/_sim/transactions/" + txid + "/verify",
        "{\"code\":\"" + code + "\"}").json();
    assertThat(verified.get("status").asText()).isEqualTo("allow");
    assertThat(client.get("/auth/v2/auth_status", "txid", txid).response().get("result").asText())
        .isEqualTo("allow");
  }

  @Test
  void deniesAWrongCode() {
    start(Scenario.builder().user(vera()).build());
    String txid = startVerifiedPush("vera");
    String code = sim.control().transaction(txid).orElseThrow().verificationCode();
    String wrong = code.equals("000") ? "001" : "000";

    JsonNode denied = client.control("POST", "/_sim/users/vera/verify", "{\"code\":\"" + wrong + "\"}").json();

    assertThat(denied.get("result").asText()).isEqualTo("deny");
    JsonNode status = client.get("/auth/v2/auth_status", "txid", txid).response();
    assertThat(status.get("result").asText()).isEqualTo("deny");
    assertThat(status.get("status").asText()).isEqualTo("deny");
  }

  @Test
  void bypassesThePolicyForAClientThatDoesNotSendTheFlag() {
    start(Scenario.builder().user(vera()).build());
    JsonNode preauth = client.post("/auth/v2/preauth", "username", "vera").response();
    assertThat(preauth.get("result").asText()).isEqualTo("auth");
    assertThat(preauth.has("txid")).isFalse();

    String txid = client.post("/auth/v2/auth", "username", "vera", "factor", "push", "device", "auto",
        "async", "1").response().get("txid").asText();

    assertThat(sim.control().transaction(txid).orElseThrow().verifiedPush()).isFalse();
    assertThat(client.get("/auth/v2/auth_status", "txid", txid).response().get("status_msg").asText())
        .doesNotContain("verification code");
    assertThat(client.control("POST", "/_sim/transactions/" + txid + "/verify", "{\"code\":\"123\"}").status())
        .isEqualTo(409);
    assertThat(sim.control().approve(txid)).isTrue();
  }

  @Test
  void announcesNoVerifiedPushWhenThePolicyDoesNotRequireIt() {
    start(Scenario.builder().user(Scenario.User.active("walt", Scenario.Device.phone(PHONE, "", "Walt", "push")))
        .build());
    JsonNode preauth = client.post("/auth/v2/preauth", "username", "walt", "client_supports_verified_push", "1")
        .response();
    assertThat(preauth.get("result").asText()).isEqualTo("auth");
    assertThat(preauth.has("txid")).isFalse();
  }

  @Test
  void anIntegrationPolicyRequiresVerifiedPushForEveryone() {
    start(Scenario.fromJson("{\"integrations\":[{\"integrationKey\":\"DIVERIFIEDPUSH000001\",\"secretKey\":\""
        + "s".repeat(40) + "\",\"requireVerifiedPush\":true}],"
        + "\"users\":[{\"username\":\"walt\",\"devices\":[{\"capabilities\":[\"push\"],\"push\":\"wait\"}]}]}"));

    String txid = startVerifiedPush("walt");

    assertThat(sim.control().transaction(txid).orElseThrow().verifiedPush()).isTrue();
  }

  @Test
  void acceptsAPreauthTxidOnceForItsOwnUserAndForPushOnly() {
    Scenario.User xena = Scenario.User.active("xena",
        Scenario.Device.phone("DPVERIFIED0000000002", "", "Xena", "push", "phone")
            .withPush(Scenario.Reaction.waitForControl())).withVerifiedPush();
    start(Scenario.builder().user(vera()).user(xena).build());
    String forVera = verifiedPreauthTxid("vera");

    DuoTestClient.Response otherUser = client.post("/auth/v2/auth", "username", "xena", "factor", "push",
        "async", "1", "txid", forVera);
    assertThat(otherUser.status()).isEqualTo(400);
    assertThat(otherUser.code()).isEqualTo(40002);

    String forXena = verifiedPreauthTxid("xena");
    assertThat(client.post("/auth/v2/auth", "username", "xena", "factor", "phone", "async", "1", "txid", forXena)
        .code()).isEqualTo(40002);

    String fresh = verifiedPreauthTxid("vera");
    assertThat(client.post("/auth/v2/auth", "username", "vera", "factor", "push", "async", "1", "txid", fresh)
        .status()).isEqualTo(200);
    assertThat(client.post("/auth/v2/auth", "username", "vera", "factor", "push", "async", "1", "txid", fresh)
        .code()).isEqualTo(40002);
  }

  @Test
  void anAutomaticApprovalActsLikeAPersonWhoTypedTheRightCode() {
    Scenario.Device quick = Scenario.Device.phone(PHONE, "", "Quick", "push")
        .withPush(Scenario.Reaction.approveAfter(java.time.Duration.ZERO));
    start(Scenario.builder().user(Scenario.User.active("quinn", quick).withVerifiedPush()).build());

    String txid = startVerifiedPush("quinn");

    JsonNode last = client.get("/auth/v2/auth_status", "txid", txid).response();
    while (last.get("result").asText().equals("waiting")) {
      last = client.get("/auth/v2/auth_status", "txid", txid).response();
    }
    assertThat(last.get("result").asText()).isEqualTo("allow");
  }
}
