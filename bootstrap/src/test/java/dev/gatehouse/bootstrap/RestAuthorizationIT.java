package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.bootstrap.RestNode.Response;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what over real HTTP on the real core: anonymous callers, a member of another
 * workspace, the member, the administrator, and someone else's challenge. Alice is a member of
 * {@code vault} (Duo configured, her phone active with typed passcodes); bob of {@code other}; the
 * administrator, root, of neither.
 */
class RestAuthorizationIT {
  private static final Set<String> PUBLIC = Set.of("/health", "/ready", "/openapi.json");
  private static final String UNKNOWN_CHALLENGE = "AAAAAAAAAAAAAAAAAAAAAA";

  @TempDir
  static Path dataDir;

  private static DuoSimulator duo;
  private static RestNode node;
  private static String admin;
  private static String alice;
  private static String bob;
  private static String alicesPhone;

  @BeforeAll
  static void startGatehouseWithTwoWorkspaces() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    node = RestNode.start(dataDir, duo.writeCaPem(dataDir.resolve("duo-ca.pem")));
    admin = node.firstAdministrator("root");
    alice = node.user(admin, "alice");
    bob = node.user(admin, "bob");
    node.workspace(admin, "vault", "alice");
    node.workspace(admin, "other", "bob");
    node.put("/api/v1/workspaces/vault/mfa", admin, duoSettings()).expect(200);
    alicesPhone = node.get("/api/v1/workspaces/vault/duo/devices", alice).expect(200).json()
        .at("/devices/0/id").asText();
    String verify = node.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + alicesPhone + "\",\"method\":\"passcode\"}").expect(202).json()
        .at("/challenge/links/passcode").asText();
    node.post(verify, alice, "{\"passcode\":\"123456\"}").expect(200);
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

  @Test
  void anonymousCallersGet401OnEveryDocumentedApiOperation() {
    JsonNode openApi = node.get("/openapi.json", null).expect(200).json();
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase();
        if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
          continue;
        }
        String concrete = concrete(path.getKey());
        Response response = node.send(method, concrete, null, method.equals("GET") || method.equals("DELETE")
            ? null : "{}", Map.of());
        if (PUBLIC.contains(path.getKey())) {
          response.expect(200);
        } else {
          response.problem(401, "unauthorized");
          assertThat(response.header("WWW-Authenticate")).as(method + " " + concrete).startsWith("Bearer");
        }
        checked.add(method + " " + path.getKey());
      }
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(23)
        .contains("POST /api/v1/workspaces/{name}/unlock", "GET /api/v1/challenges/{id}");
  }

  @Test
  void unknownOrMalformedTokensGet401() {
    for (String header : List.of("Bearer " + alice + "x", "Bearer short", "Basic cm9vdDpyb290")) {
      Response response = node.send("GET", "/api/v1/workspaces", null, null, Map.of("Authorization", header));
      response.problem(401, "unauthorized");
    }
  }

  @Test
  void memberOfAnotherWorkspaceIsRefused() {
    node.get("/api/v1/workspaces/vault", bob).problem(403, "forbidden");
    node.get("/api/v1/workspaces/vault/mfa", bob).problem(403, "forbidden");
    node.get("/api/v1/workspaces/vault/duo/devices", bob).problem(403, "forbidden");
    node.get("/api/v1/workspaces/vault/duo/enrollment", bob).problem(403, "forbidden");
    node.put("/api/v1/workspaces/vault/duo/enrollment", bob,
        "{\"device\":\"" + alicesPhone + "\",\"method\":\"push\"}").problem(403, "forbidden");
    node.post("/api/v1/workspaces/vault/unlock", bob, null).problem(403, "forbidden");
    JsonNode listed = node.get("/api/v1/workspaces", bob).expect(200).json();
    assertThat(listed.get("workspaces").findValuesAsText("name")).containsExactly("other");
  }

  @Test
  void memberSeesAndUnlocksTheirWorkspace() {
    JsonNode vault = node.get("/api/v1/workspaces/vault", alice).expect(200).json();
    assertThat(vault.get("members").toString()).contains("alice");
    assertThat(vault.at("/mfa/integrationKey").asText()).isEqualTo(duo.integrationKey());
    assertThat(node.get("/api/v1/workspaces/vault/mfa", alice).expect(200).body())
        .doesNotContain(duo.secretKey()).doesNotContain("secretKey");
    node.get("/api/v1/workspaces/vault/duo/devices", alice).expect(200);
    assertThat(node.get("/api/v1/workspaces/vault/duo/enrollment", alice).expect(200).json()
        .get("status").asText()).isEqualTo("active");
    JsonNode listed = node.get("/api/v1/workspaces", alice).expect(200).json();
    assertThat(listed.get("workspaces").findValuesAsText("name")).containsExactly("vault");
    String self = node.post("/api/v1/workspaces/vault/unlock", alice, null).expect(202).json()
        .at("/challenge/links/self").asText();
    node.delete(self, alice).expect(200);
    // minting a token needs her own fresh Duo approval: open the workspace with a passcode first
    node.post("/api/v1/users/alice/tokens", alice, null).problem(403, "step-up-required");
    String passcode = node.post("/api/v1/workspaces/vault/unlock", alice, null).expect(202).json()
        .at("/challenge/links/passcode").asText();
    node.claim(alice, node.post(passcode, alice, "{\"passcode\":\"123456\"}").expect(200).json());
    assertThat(node.post("/api/v1/users/alice/tokens", alice, null).expect(201).json().get("owner").asText())
        .isEqualTo("alice");
  }

  @Test
  void memberCannotAdminister() {
    node.post("/api/v1/users", alice, "{\"name\":\"mallory\"}").problem(403, "forbidden");
    node.post("/api/v1/users/root/tokens", alice, null).problem(403, "forbidden");
    node.post("/api/v1/workspaces", alice, "{\"name\":\"mine\"}").problem(403, "forbidden");
    node.put("/api/v1/workspaces/vault/members/bob", alice, null).problem(403, "forbidden");
    node.delete("/api/v1/workspaces/vault/members/alice", alice).problem(403, "forbidden");
    node.delete("/api/v1/workspaces/vault/members/alice/suspension", alice).problem(403, "forbidden");
    node.post("/api/v1/duo/check", alice, duoSettings()).problem(403, "forbidden");
    node.put("/api/v1/workspaces/vault/mfa", alice, duoSettings()).problem(403, "forbidden");
    node.delete("/api/v1/workspaces/vault/mfa", alice).problem(403, "forbidden");
    node.get("/api/v1/audit", alice).problem(403, "forbidden");
    assertThat(node.get("/api/v1/workspaces/vault/mfa", admin).json().get("type").asText()).isEqualTo("duo");
  }

  @Test
  void administratorManagesEveryWorkspaceButUnlocksNone() {
    JsonNode listed = node.get("/api/v1/workspaces", admin).expect(200).json();
    assertThat(listed.get("workspaces").findValuesAsText("name")).contains("other", "vault");
    node.get("/api/v1/workspaces/other", admin).expect(200);
    node.get("/api/v1/workspaces/vault/mfa", admin).expect(200);
    node.post("/api/v1/duo/check", admin, duoSettings()).expect(200);
    node.post("/api/v1/users", admin, "{\"name\":\"carl\"}").expect(201);
    node.post("/api/v1/users/carl/tokens", admin, null).expect(201);
    assertThat(node.put("/api/v1/workspaces/vault/members/carl", admin, null).expect(200).json()
        .get("members").toString()).contains("carl");
    assertThat(node.delete("/api/v1/workspaces/vault/members/carl", admin).expect(200).json()
        .get("members").toString()).doesNotContain("carl");
    assertThat(node.get("/api/v1/audit?limit=3", admin).expect(200).json().get("events")).hasSize(3);
    node.post("/api/v1/workspaces/vault/unlock", admin, null).problem(403, "forbidden");
  }

  @Test
  void onlyTheOwnerReadsAnswersOrCancelsAChallenge() {
    JsonNode challenge = node.post("/api/v1/workspaces/vault/unlock", alice, null).expect(202).json()
        .get("challenge");
    String self = challenge.at("/links/self").asText();
    for (String someoneElse : List.of(bob, admin)) {
      node.get(self + "?waitSeconds=1", someoneElse).problem(403, "forbidden");
      node.post(self + "/passcode", someoneElse, "{\"passcode\":\"123456\"}").problem(403, "forbidden");
      node.delete(self, someoneElse).problem(403, "forbidden");
    }
    node.get(self, null).problem(401, "unauthorized");
    JsonNode untouched = node.get(self, alice).expect(200).json();
    assertThat(untouched.get("state").asText()).isEqualTo("awaiting_passcode");
    assertThat(untouched.get("remainingPasscodeAttempts").asInt())
        .isEqualTo(challenge.get("remainingPasscodeAttempts").asInt());
    node.get("/api/v1/challenges/" + UNKNOWN_CHALLENGE, alice).problem(404, "not-found");
    node.delete(self, alice).expect(200);
  }

  private static String duoSettings() {
    return "{\"apiHostname\":\"" + duo.apiHostname() + "\",\"integrationKey\":\"" + duo.integrationKey()
        + "\",\"secretKey\":\"" + duo.secretKey() + "\"}";
  }

  private static String concrete(String template) {
    String concrete = template.replace("{name}", "vault").replace("{user}", "alice").replace("{entry}", "db1")
        .replace("{id}", UNKNOWN_CHALLENGE);
    assertThat(concrete).as("every path parameter of " + template + " is filled in").doesNotContain("{");
    return concrete;
  }
}
