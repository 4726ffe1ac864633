package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nodes on one database: two {@link GatehouseRuntime}s on the same data directory (the
 * second joins the first's embedded PostgreSQL), each serving REST on its own port. A challenge
 * started on one node is polled and completed on the other, and restarting nodes loses no pending
 * challenge.
 */
class RestClusterIT {
  private static final Duration FINAL_WITHIN = Duration.ofSeconds(15);
  /** Walt's pushes wait for the simulator's control, so a challenge stays pending across a restart. */
  private static final String WALTS_PHONE = "DPWALT00000000000001";

  @TempDir
  static Path dataDir;

  private static DuoSimulator duo;
  private static Path caFile;
  private static RestNode nodeA;
  private static RestNode nodeB;
  private static String admin;
  private static String alice;
  private static String walt;

  @BeforeAll
  static void startTwoNodesOnOneDatabase() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    duo.control().putUser(Scenario.User.active("walt", Scenario.Device.phone(WALTS_PHONE, "XXX-XXX-0808",
        "Walt's iPhone", "auto", "push", "sms", "phone", "mobile_otp").withPush(Scenario.Reaction.waitForControl())));
    caFile = duo.writeCaPem(dataDir.resolve("duo-ca.pem"));
    nodeA = RestNode.start(dataDir, caFile);
    nodeB = RestNode.start(dataDir, caFile);
    admin = nodeA.firstAdministrator("root");
    alice = nodeA.user(admin, "alice");
    walt = nodeB.user(admin, "walt");
  }

  @AfterAll
  static void stopEverything() {
    for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, duo}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void bothNodesServeTheSameDatabase() {
    assertThat(nodeA.port()).isNotEqualTo(nodeB.port());
    nodeA.get("/ready", null).expect(200);
    nodeB.get("/ready", null).expect(200);
    nodeA.workspace(admin, "made-on-a", "alice");
    assertThat(nodeB.get("/api/v1/workspaces/made-on-a", alice).expect(200).json().get("members").toString())
        .contains("alice");
  }

  @Test
  void unlockStartedOnOneNodeIsPolledAndCompletedOnTheOther() {
    nodeA.workspace(admin, "push", "alice");
    configureDuo(nodeB, "push");
    String phone = nodeA.get("/api/v1/workspaces/push/duo/devices", alice).expect(200).json()
        .at("/devices/0/id").asText();
    String verify = nodeA.put("/api/v1/workspaces/push/duo/enrollment", alice, selection(phone, "push"))
        .expect(202).json().at("/challenge/links/self").asText();
    assertThat(nodeB.awaitFinal(alice, verify, FINAL_WITHIN).get("state").asText()).isEqualTo("approved");

    String self = nodeA.post("/api/v1/workspaces/push/unlock", alice, null).expect(202).json()
        .at("/challenge/links/self").asText();
    JsonNode approved = nodeB.awaitFinal(alice, self, FINAL_WITHIN);
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    assertThat(nodeB.claim(alice, approved).get("token").asText()).isNotBlank();
    // The session is claimed once, whichever node is asked next.
    JsonNode onA = nodeA.get(self, alice).expect(200).json();
    assertThat(onA.get("state").asText()).isEqualTo("approved");
    assertThat(onA.at("/links/session").isMissingNode()).isTrue();
    nodeA.post(approved.at("/links/session").asText(), alice, null).problem(409, "conflict");
  }

  @Test
  void passcodeForAChallengeStartedOnOneNodeIsAcceptedOnTheOther() {
    nodeA.workspace(admin, "passcode", "alice");
    configureDuo(nodeA, "passcode");
    String phone = nodeB.get("/api/v1/workspaces/passcode/duo/devices", alice).expect(200).json()
        .at("/devices/0/id").asText();
    String verify = nodeB.put("/api/v1/workspaces/passcode/duo/enrollment", alice, selection(phone, "passcode"))
        .expect(202).json().at("/challenge/links/passcode").asText();
    nodeA.post(verify, alice, passcode("123456")).expect(200);

    String submit = nodeB.post("/api/v1/workspaces/passcode/unlock", alice, null).expect(202).json()
        .at("/challenge/links/passcode").asText();
    JsonNode opened = nodeA.post(submit, alice, passcode("123456")).expect(200).json();
    assertThat(opened.get("state").asText()).isEqualTo("approved");
    assertThat(nodeB.claim(alice, opened).get("token").asText()).isNotBlank();
  }

  @Test
  void restartingOneNodeLosesNoPendingChallenge() {
    nodeA.workspace(admin, "restart-one", "walt");
    configureDuo(nodeA, "restart-one");
    activateWaltsPush("restart-one");
    String self = nodeA.post("/api/v1/workspaces/restart-one/unlock", walt, null).expect(202).json()
        .at("/challenge/links/self").asText();

    nodeA.close();
    nodeA = RestNode.start(dataDir, caFile);

    JsonNode afterRestart = nodeA.get(self + "?waitSeconds=0", walt).expect(200).json();
    assertThat(afterRestart.get("state").asText()).isEqualTo("pending");
    duo.control().approve(duo.control().awaitPending("walt", FINAL_WITHIN).txid());
    JsonNode approved = nodeA.awaitFinal(walt, self, FINAL_WITHIN);
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    assertThat(nodeA.claim(walt, approved).get("token").asText()).isNotBlank();
  }

  @Test
  void restartingEveryNodeLosesNoPendingChallenge() {
    nodeA.workspace(admin, "restart-all", "walt");
    configureDuo(nodeA, "restart-all");
    activateWaltsPush("restart-all");
    String self = nodeB.post("/api/v1/workspaces/restart-all/unlock", walt, null).expect(202).json()
        .at("/challenge/links/self").asText();

    // The last node to close stops the embedded PostgreSQL; the next start brings it back from disk.
    nodeA.close();
    nodeB.close();
    nodeA = RestNode.start(dataDir, caFile);
    nodeB = RestNode.start(dataDir, caFile);

    assertThat(nodeA.get(self + "?waitSeconds=0", walt).expect(200).json().get("state").asText())
        .isEqualTo("pending");
    duo.control().approve(duo.control().awaitPending("walt", FINAL_WITHIN).txid());
    JsonNode approved = nodeB.awaitFinal(walt, self, FINAL_WITHIN);
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    assertThat(nodeB.claim(walt, approved).get("token").asText()).isNotBlank();
  }

  private static void configureDuo(RestNode node, String workspace) {
    node.put("/api/v1/workspaces/" + workspace + "/mfa", admin,
        "{\"apiHostname\":\"" + duo.apiHostname() + "\",\"integrationKey\":\"" + duo.integrationKey()
            + "\",\"secretKey\":\"" + duo.secretKey() + "\"}").expect(200);
  }

  /** Walt chooses push on node A; the verifying push is approved in the simulator and read on node B. */
  private static void activateWaltsPush(String workspace) {
    String verify = nodeA.put("/api/v1/workspaces/" + workspace + "/duo/enrollment", walt,
        selection(WALTS_PHONE, "push")).expect(202).json().at("/challenge/links/self").asText();
    duo.control().approve(duo.control().awaitPending("walt", FINAL_WITHIN).txid());
    assertThat(nodeB.awaitFinal(walt, verify, FINAL_WITHIN).get("state").asText()).isEqualTo("approved");
  }

  private static String selection(String device, String method) {
    return "{\"device\":\"" + device + "\",\"method\":\"" + method + "\"}";
  }

  private static String passcode(String code) {
    return "{\"passcode\":\"" + code + "\"}";
  }
}
