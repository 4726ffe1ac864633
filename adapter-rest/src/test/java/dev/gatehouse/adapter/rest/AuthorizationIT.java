package dev.gatehouse.adapter.rest;

import static dev.gatehouse.adapter.rest.RestFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may do what: anonymous, member of another workspace, member, administrator, challenge owner. */
class AuthorizationIT {
  private static final String CHALLENGE = "AAAAAAAAAAAAAAAAAAAAAA";

  private RestFixture fx;
  private String alice;
  private String carol;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
    alice = fx.user("alice");
    carol = fx.user("carol");
    fx.workspace("vault", "alice");
    fx.workspace("other", "carol");
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE);
    fx.activate(alice, "vault", PHONE, "push");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void anonymousGets401WithABearerChallengeOnEveryApiRoute() {
    for (RestRoute route : fx.server.routes()) {
      String path = concrete(route.path());
      Response response = fx.send(route.method(), path, null, "{}", Map.of());
      if (route.access() == RestAccess.PUBLIC) {
        assertThat(response.status()).as(route.method() + " " + path).isEqualTo(200);
        continue;
      }
      response.problem(401, "unauthorized");
      assertThat(response.header("WWW-Authenticate")).as(path).isEqualTo("Bearer realm=\"gatehouse\"");
    }
  }

  @Test
  void unknownOrMalformedTokensGet401InvalidToken() {
    for (String header : new String[] {"Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer short",
        "Basic YWRtaW46YWRtaW4=", "Bearer " + alice + "x"}) {
      Response response = fx.send("GET", "/api/v1/workspaces", null, null, Map.of("Authorization", header));
      response.problem(401, "unauthorized");
      assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }
  }

  @Test
  void membersCannotAdminister() {
    fx.post("/api/v1/users", alice, "{\"name\":\"mallory\"}").problem(403, "forbidden");
    fx.post("/api/v1/workspaces", alice, "{\"name\":\"mine\"}").problem(403, "forbidden");
    fx.put("/api/v1/workspaces/vault/members/carol", alice, null).problem(403, "forbidden");
    fx.delete("/api/v1/workspaces/vault/members/alice", alice).problem(403, "forbidden");
    fx.put("/api/v1/workspaces/vault/mfa", alice, RestFixture.duoSettings(null)).problem(403, "forbidden");
    fx.delete("/api/v1/workspaces/vault/mfa", alice).problem(403, "forbidden");
    fx.post("/api/v1/duo/check", alice, RestFixture.duoSettings(null)).problem(403, "forbidden");
    fx.get("/api/v1/audit", alice).problem(403, "forbidden");
    fx.post("/api/v1/users/admin/tokens", alice, null).problem(403, "forbidden");
    fx.post("/api/v1/users/alice/tokens", alice, "{\"scopes\":[\"introspect\"]}").problem(403, "forbidden");
    fx.get("/api/v1/users", alice).problem(403, "forbidden");
    fx.post("/api/v1/users/carol/disable", alice, null).problem(403, "forbidden");
    fx.post("/api/v1/users/carol/enable", alice, null).problem(403, "forbidden");
    fx.get("/api/v1/tokens?user=carol", alice).problem(403, "forbidden");
    fx.get("/api/v1/workspaces/vault/sessions", alice).problem(403, "forbidden");
    fx.delete("/api/v1/workspaces/vault/sessions/AAAAAAAAAAAAAAAA", alice).problem(403, "forbidden");
    fx.post("/api/v1/sessions/introspect", alice, "{\"token\":\"" + alice + "\"}").problem(403, "forbidden");
  }

  @Test
  void membersIssueTokensForThemselvesWithAFreshDuoApprovalAndTheyWork() {
    JsonNode refused = fx.post("/api/v1/users/alice/tokens", alice, null).problem(403, "step-up-required");
    assertThat(refused.get("detail").asText()).contains("issuing an API token", "within 5 minutes");
    fx.openWithDuo(alice, "vault");

    Response issued = fx.post("/api/v1/users/alice/tokens", alice, null);
    assertThat(issued.status()).isEqualTo(201);
    String second = issued.json().get("token").asText();
    assertThat(fx.get("/api/v1/workspaces", second).status()).isEqualTo(200);
  }

  @Test
  void memberOfAnotherWorkspaceIsRefused() {
    fx.get("/api/v1/workspaces/vault", carol).problem(403, "forbidden");
    fx.get("/api/v1/workspaces/vault/mfa", carol).problem(403, "forbidden");
    fx.get("/api/v1/workspaces/vault/duo/devices", carol).problem(403, "forbidden");
    fx.get("/api/v1/workspaces/vault/duo/enrollment", carol).problem(403, "forbidden");
    fx.put("/api/v1/workspaces/vault/duo/enrollment", carol,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"push\"}").problem(403, "forbidden");
    fx.post("/api/v1/workspaces/vault/unlock", carol, null).problem(403, "forbidden");
    JsonNode listed = fx.get("/api/v1/workspaces", carol).json();
    assertThat(listed.get("workspaces").findValuesAsText("name")).containsExactly("other");
  }

  @Test
  void membersSeeTheirWorkspaceButNeverTheSecretKey() {
    JsonNode vault = fx.get("/api/v1/workspaces/vault", alice).json();
    assertThat(vault.get("members").toString()).contains("alice");
    assertThat(vault.at("/mfa/integrationKey").asText()).isEqualTo(RestFixture.IKEY);
    assertThat(vault.toString()).doesNotContain(RestFixture.SKEY).doesNotContain("secretKey");
  }

  @Test
  void administratorsManageButOnlyMembersUnlock() {
    JsonNode listed = fx.get("/api/v1/workspaces", fx.adminToken).json();
    assertThat(listed.get("workspaces").findValuesAsText("name")).containsExactly("other", "vault");
    assertThat(fx.get("/api/v1/workspaces/vault", fx.adminToken).status()).isEqualTo(200);
    assertThat(fx.get("/api/v1/audit?limit=5", fx.adminToken).json().get("events")).hasSize(5);
    fx.post("/api/v1/workspaces/vault/unlock", fx.adminToken, null).problem(403, "forbidden");
    JsonNode added = fx.put("/api/v1/workspaces/vault/members/carol", fx.adminToken, null).json();
    assertThat(added.get("members").toString()).contains("carol");
    JsonNode removed = fx.delete("/api/v1/workspaces/vault/members/carol", fx.adminToken).json();
    assertThat(removed.get("members").toString()).doesNotContain("carol");
  }

  @Test
  void administratorsSetMemberRolesAndTheWorkspaceShowsThem() {
    JsonNode added = fx.put("/api/v1/workspaces/vault/members/carol", fx.adminToken, "{\"role\":\"editor\"}").json();
    assertThat(added.at("/roles/carol").asText()).isEqualTo("editor");
    assertThat(added.at("/roles/alice").asText()).isEqualTo("reader");
    assertThat(added.get("members").toString()).contains("alice", "carol");
    // Without a role an existing member keeps theirs; the answer is the same 200 as the first time.
    Response again = fx.put("/api/v1/workspaces/vault/members/carol", fx.adminToken, null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().at("/roles/carol").asText()).isEqualTo("editor");
    JsonNode demoted = fx.put("/api/v1/workspaces/vault/members/carol", fx.adminToken, "{\"role\":\"reader\"}").json();
    assertThat(demoted.at("/roles/carol").asText()).isEqualTo("reader");
    assertThat(fx.get("/api/v1/workspaces/vault", alice).json().at("/roles/carol").asText()).isEqualTo("reader");

    JsonNode bad = fx.put("/api/v1/workspaces/vault/members/carol", fx.adminToken, "{\"role\":\"owner\"}")
        .problem(400, "invalid-input");
    assertThat(bad.get("errors").findValuesAsText("field")).containsExactly("role");
    fx.put("/api/v1/workspaces/vault/members/carol", fx.adminToken, "{\"rank\":\"editor\"}").problem(400, "invalid-input");
    fx.put("/api/v1/workspaces/vault/members/carol", fx.adminToken, "{\"role\":1}").problem(400, "invalid-input");
    fx.put("/api/v1/workspaces/vault/members/carol", alice, "{\"role\":\"editor\"}").problem(403, "forbidden");
    assertThat(fx.get("/api/v1/workspaces/vault", fx.adminToken).json().at("/roles/carol").asText()).isEqualTo("reader");
  }

  @Test
  void onlyTheOwnerReadsOrCompletesAChallenge() {
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    String self = unlock.json().at("/challenge/links/self").asText();
    for (String other : new String[] {carol, fx.adminToken}) {
      fx.get(self + "?waitSeconds=1", other).problem(403, "forbidden");
      fx.post(self + "/passcode", other, "{\"passcode\":\"123456\"}").problem(403, "forbidden");
      fx.delete(self, other).problem(403, "forbidden");
    }
    assertThat(fx.get(self, alice).json().get("state").asText()).isEqualTo("pending");
    fx.get("/api/v1/challenges/" + CHALLENGE, alice).problem(404, "not-found");
  }

  private static String concrete(String template) {
    return template.replace("{name}", "vault").replace("{user}", "alice").replace("{id}", CHALLENGE)
        .replace("{entry}", "web1");
  }
}
