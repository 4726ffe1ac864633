package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind the gate, end to end: two nodes on one embedded PostgreSQL. Entries written on one node
 * are read and revealed on the other inside a live session; a session or token revoked on one
 * node is refused on its next request on the other.
 */
class RestBehindTheGateIT {
  private static final String PASSWORD = "Zy9-behind-the-gate-password";

  @TempDir
  static Path dataDir;

  private static DuoSimulator duo;
  private static RestNode nodeA;
  private static RestNode nodeB;
  private static String admin;
  private static String alice;
  private static String bob;

  @BeforeAll
  static void startTwoNodes() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    Path caFile = duo.writeCaPem(dataDir.resolve("duo-ca.pem"));
    nodeA = RestNode.start(dataDir, caFile);
    nodeB = RestNode.start(dataDir, caFile);
    admin = nodeA.firstAdministrator("root");
    alice = nodeA.user(admin, "alice");
    bob = nodeB.user(admin, "bob");
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, duo}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  /** Opens a workspace without a second factor and returns the session token. */
  private static String open(RestNode node, String token, String workspace) {
    JsonNode granted = node.post("/api/v1/workspaces/" + workspace + "/unlock", token, null).expect(200).json();
    return granted.at("/session/token").asText();
  }

  private static RestNode.Response inSession(RestNode node, String method, String path, String token,
      String session, String body) {
    return node.send(method, path, token, body, Map.of("Gatehouse-Session", session));
  }

  private static void workspaceWithEditorAliceAndReaderBob(String name) {
    nodeA.workspace(admin, name);
    nodeA.put("/api/v1/workspaces/" + name + "/members/alice", admin, "{\"role\":\"editor\"}").expect(200);
    nodeA.put("/api/v1/workspaces/" + name + "/members/bob", admin, null).expect(200);
  }

  @Test
  void anEntryAddedOnOneNodeIsRevealedOnTheOtherAndAudited() {
    workspaceWithEditorAliceAndReaderBob("vault");
    String aliceSession = open(nodeA, alice, "vault");
    String bobSession = open(nodeB, bob, "vault");

    inSession(nodeA, "POST", "/api/v1/workspaces/vault/entries", alice, aliceSession,
        "{\"name\":\"db1\",\"kind\":\"rdp\",\"host\":\"db1.corp.example\",\"port\":3389,\"username\":\"Administrator\","
            + "\"domain\":\"CORP\",\"secret\":{\"password\":\"" + PASSWORD + "\"}}").expect(201);

    JsonNode listed = inSession(nodeB, "GET", "/api/v1/workspaces/vault/entries", bob, bobSession, null)
        .expect(200).json();
    assertThat(listed.get("entries").findValuesAsText("name")).containsExactly("db1");
    assertThat(listed.toString()).doesNotContain(PASSWORD);
    JsonNode revealed = inSession(nodeB, "POST", "/api/v1/workspaces/vault/entries/db1/reveal", bob, bobSession, null)
        .expect(200).json();
    assertThat(revealed.get("password").asText()).isEqualTo(PASSWORD);
    assertThat(revealed.get("username").asText()).isEqualTo("Administrator");

    JsonNode audit = nodeA.get("/api/v1/audit?workspace=vault&limit=100", admin).expect(200).json();
    assertThat(audit.toString()).contains("credential_revealed").contains("entry_added").doesNotContain(PASSWORD);
  }

  @Test
  void aReaderCannotAddAndASessionOfAnotherWorkspaceIsRefused() {
    workspaceWithEditorAliceAndReaderBob("readers");
    nodeA.workspace(admin, "elsewhere", "alice");
    String bobSession = open(nodeA, bob, "readers");
    String aliceElsewhere = open(nodeA, alice, "elsewhere");

    inSession(nodeB, "POST", "/api/v1/workspaces/readers/entries", bob, bobSession,
        "{\"name\":\"x\",\"kind\":\"ssh\",\"host\":\"x.example\"}").problem(403, "forbidden");
    inSession(nodeB, "GET", "/api/v1/workspaces/readers/entries", alice, aliceElsewhere, null)
        .problem(403, "session-required");
  }

  @Test
  void aSessionRevokedOnOneNodeIsRefusedOnTheOther() {
    workspaceWithEditorAliceAndReaderBob("revoked");
    String bobSession = open(nodeB, bob, "revoked");
    inSession(nodeB, "GET", "/api/v1/workspaces/revoked/entries", bob, bobSession, null).expect(200);

    JsonNode sessions = nodeA.get("/api/v1/workspaces/revoked/sessions", admin).expect(200).json().get("sessions");
    assertThat(sessions.findValuesAsText("user")).containsExactly("bob");
    assertThat(sessions.toString()).doesNotContain(bobSession);
    nodeA.delete("/api/v1/workspaces/revoked/sessions/" + sessions.get(0).get("id").asText(), admin).expect(204);

    inSession(nodeB, "GET", "/api/v1/workspaces/revoked/entries", bob, bobSession, null)
        .problem(403, "session-required");
  }

  @Test
  void removingAMemberOnOneNodeEndsTheirSessionOnTheOther() {
    workspaceWithEditorAliceAndReaderBob("removal");
    String aliceSession = open(nodeA, alice, "removal");

    nodeB.delete("/api/v1/workspaces/removal/members/alice", admin).expect(200);

    RestNode.Response refused = inSession(nodeA, "GET", "/api/v1/workspaces/removal/entries", alice, aliceSession, null);
    assertThat(refused.status()).isEqualTo(403);
    JsonNode introspected = nodeB.post("/api/v1/sessions/introspect", admin,
        "{\"token\":\"" + aliceSession + "\"}").expect(200).json();
    assertThat(introspected.toString()).isEqualTo("{\"active\":false}");
  }

  @Test
  void aRevokedApiTokenIsRefusedOnTheOtherNode() {
    JsonNode issued = nodeA.post("/api/v1/users/bob/tokens", admin, "{\"expiresIn\":\"PT1H\"}").expect(201).json();
    String token = issued.get("token").asText();
    nodeB.get("/api/v1/workspaces", token).expect(200);

    nodeA.delete("/api/v1/tokens/" + issued.get("id").asText(), admin).expect(200);

    nodeB.get("/api/v1/workspaces", token).problem(401, "unauthorized");
  }

  @Test
  void introspectionTellsAGatewayWhoseLiveSessionItIs() {
    workspaceWithEditorAliceAndReaderBob("gateway");
    String gateway = nodeA.post("/api/v1/users/root/tokens", admin, "{\"scopes\":[\"introspect\"]}")
        .expect(201).json().get("token").asText();
    String bobSession = open(nodeA, bob, "gateway");

    JsonNode active = nodeB.post("/api/v1/sessions/introspect", gateway, "{\"token\":\"" + bobSession + "\"}")
        .expect(200).json();

    assertThat(active.get("active").asBoolean()).isTrue();
    assertThat(active.get("user").asText()).isEqualTo("bob");
    assertThat(active.get("workspace").asText()).isEqualTo("gateway");
    nodeB.post("/api/v1/sessions/introspect", bob, "{\"token\":\"" + bobSession + "\"}").problem(403, "forbidden");
  }
}
