package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API token life cycle and user status over real HTTP. */
class TokenAndUserIT {
  private RestFixture fx;
  private String alice;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
    alice = fx.user("alice");
    // alice mints her own tokens below: that needs her fresh Duo approval in one of her workspaces
    fx.workspace("vault", "alice");
    fx.configureDuo("vault", "secure");
    fx.approval(alice, "alice", "vault");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void issuingAnswersTheTokenOnceWithItsIdExpiryAndScopes() {
    Response issued = fx.post("/api/v1/users/alice/tokens", fx.adminToken,
        "{\"expiresIn\":\"PT8H\",\"scopes\":[\"introspect\"]}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    JsonNode token = issued.json();
    assertThat(token.get("id").asText()).matches("[A-Za-z0-9_-]{8,64}");
    assertThat(token.get("token").asText()).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(token.get("id").asText());
    assertThat(token.get("owner").asText()).isEqualTo("alice");
    assertThat(Duration.between(Instant.parse(token.get("issuedAt").asText()),
        Instant.parse(token.get("expiresAt").asText()))).isEqualTo(Duration.ofHours(8));
    assertThat(token.get("scopes").toString()).isEqualTo("[\"introspect\"]");

    JsonNode seconds = fx.post("/api/v1/users/alice/tokens", alice, "{\"expiresIn\":3600}").json();
    assertThat(Duration.between(Instant.parse(seconds.get("issuedAt").asText()),
        Instant.parse(seconds.get("expiresAt").asText()))).isEqualTo(Duration.ofHours(1));
    JsonNode forever = fx.post("/api/v1/users/alice/tokens", alice, "{}").json();
    assertThat(forever.has("expiresAt")).isFalse();
    assertThat(forever.get("scopes")).isEmpty();
  }

  @Test
  void badLifetimesAndScopesAre400() {
    for (String body : new String[] {"{\"expiresIn\":\"8 hours\"}", "{\"expiresIn\":30}", "{\"expiresIn\":\"P400D\"}",
        "{\"expiresIn\":-5}", "{\"expiresIn\":1.5}", "{\"expiresIn\":true}"}) {
      JsonNode problem = fx.post("/api/v1/users/alice/tokens", fx.adminToken, body).problem(400, "invalid-input");
      assertThat(problem.get("errors").findValuesAsText("field")).as(body).containsExactly("expiresIn");
    }
    JsonNode scope = fx.post("/api/v1/users/alice/tokens", fx.adminToken, "{\"scopes\":[\"admin\"]}")
        .problem(400, "invalid-input");
    assertThat(scope.get("errors").findValuesAsText("field")).containsExactly("scopes");
    fx.post("/api/v1/users/alice/tokens", fx.adminToken, "{\"ttl\":60}").problem(400, "invalid-input");
  }

  @Test
  void anExpiredTokenIs401() {
    String shortLived = fx.post("/api/v1/users/alice/tokens", alice, "{\"expiresIn\":\"PT1M\"}")
        .json().get("token").asText();
    assertThat(fx.get("/api/v1/workspaces", shortLived).status()).isEqualTo(200);
    fx.core.clock.advance(Duration.ofMinutes(2));
    fx.get("/api/v1/workspaces", shortLived).problem(401, "unauthorized");
    assertThat(fx.get("/api/v1/workspaces", alice).status()).isEqualTo(200);
  }

  @Test
  void tokensAreListedByIdWithoutTheirValues() {
    JsonNode issued = fx.post("/api/v1/users/alice/tokens", fx.adminToken, "{\"scopes\":[\"introspect\"]}").json();
    fx.get("/api/v1/workspaces", issued.get("token").asText());
    Response all = fx.get("/api/v1/tokens", fx.adminToken);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get("tokens").findValuesAsText("user")).contains("admin", "alice");
    assertThat(all.body()).doesNotContain(alice).doesNotContain(fx.adminToken)
        .doesNotContain(issued.get("token").asText());
    JsonNode alices = fx.get("/api/v1/tokens?user=alice", fx.adminToken).json().get("tokens");
    assertThat(alices.findValuesAsText("user")).containsOnly("alice").hasSize(2);
    JsonNode withScope = null;
    for (JsonNode token : alices) {
      if (token.get("id").asText().equals(issued.get("id").asText())) {
        withScope = token;
      }
    }
    assertThat(withScope).isNotNull();
    assertThat(withScope.get("scopes").toString()).isEqualTo("[\"introspect\"]");
    assertThat(withScope.get("createdAt").asText()).isEqualTo(issued.get("issuedAt").asText());
    assertThat(withScope.get("lastUsedAt").asText()).isNotBlank();
    assertThat(withScope.has("revokedAt") || withScope.has("expiresAt")).isFalse();
    // A member lists their own tokens only.
    assertThat(fx.get("/api/v1/tokens", alice).json().get("tokens").findValuesAsText("user")).containsOnly("alice");
    fx.get("/api/v1/tokens?user=bad%20name", fx.adminToken).problem(400, "invalid-input");
  }

  @Test
  void aRevokedTokenIs401OnItsNextRequest() {
    JsonNode second = fx.post("/api/v1/users/alice/tokens", alice, null).json();
    String value = second.get("token").asText();
    assertThat(fx.get("/api/v1/workspaces", value).status()).isEqualTo(200);
    Response revoked = fx.delete("/api/v1/tokens/" + second.get("id").asText(), alice);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("revokedAt").asText()).isNotBlank();
    Response next = fx.get("/api/v1/workspaces", value);
    next.problem(401, "unauthorized");
    assertThat(next.header("WWW-Authenticate")).contains("invalid_token");
    assertThat(fx.delete("/api/v1/tokens/" + second.get("id").asText(), fx.adminToken).status()).isEqualTo(200);
    assertThat(fx.get("/api/v1/workspaces", alice).status()).isEqualTo(200);
  }

  @Test
  void membersCannotRevokeOthersTokensAndUnknownIdsAre404() {
    String adminsId = fx.get("/api/v1/tokens?user=admin", fx.adminToken).json().at("/tokens/0/id").asText();
    fx.delete("/api/v1/tokens/" + adminsId, alice).problem(404, "not-found");
    fx.delete("/api/v1/tokens/AAAAAAAAAAAA", fx.adminToken).problem(404, "not-found");
    fx.delete("/api/v1/tokens/x", fx.adminToken).problem(400, "invalid-input");
    assertThat(fx.get("/api/v1/workspaces", fx.adminToken).status()).isEqualTo(200);
  }

  @Test
  void anEmptyBlankOrUnknownRoleIs400NamingTheFieldAndAddsNobody() {
    for (String role : new String[] {"", " ", "\\t", "chief", "admin", "members", "administrator!", "null"}) {
      String body = "{\"name\":\"carol\",\"role\":\"" + role + "\"}";
      JsonNode problem = fx.post("/api/v1/users", fx.adminToken, body).problem(400, "invalid-input");
      assertThat(problem.get("errors").findValuesAsText("field")).as(body).containsExactly("role");
      assertThat(problem.get("errors").findValuesAsText("reason")).as(body)
          .containsExactly("must be administrator or member");
    }
    JsonNode wrongType = fx.post("/api/v1/users", fx.adminToken, "{\"name\":\"carol\",\"role\":1}")
        .problem(400, "invalid-input");
    assertThat(wrongType.get("errors").findValuesAsText("field")).containsExactly("role");
    assertThat(fx.get("/api/v1/users", fx.adminToken).json().get("users").findValuesAsText("name"))
        .doesNotContain("carol");

    Response member = fx.post("/api/v1/users", fx.adminToken, "{\"name\":\"carol\"}");
    assertThat(member.status()).as(member.body()).isEqualTo(201);
    assertThat(member.json().get("role").asText()).isEqualTo("member");
    Response administrator = fx.post("/api/v1/users", fx.adminToken, "{\"name\":\"dave\",\"role\":\"administrator\"}");
    assertThat(administrator.status()).as(administrator.body()).isEqualTo(201);
    assertThat(administrator.json().get("role").asText()).isEqualTo("administrator");
  }

  @Test
  void administratorsListUsers() {
    fx.user("bob");
    Response users = fx.get("/api/v1/users", fx.adminToken);
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.json().get("users").findValuesAsText("name")).containsExactly("admin", "alice", "bob");
    assertThat(users.json().at("/users/1/role").asText()).isEqualTo("member");
    assertThat(users.json().at("/users/1/disabled").asBoolean()).isFalse();
  }

  @Test
  void disablingAUserRevokesTheirTokensAndSessionsAndEnablingKeepsThemRevoked() {
    fx.workspace("plain", "alice");
    String session = fx.open(alice, "plain");
    JsonNode disabled = fx.post("/api/v1/users/alice/disable", fx.adminToken, null).json();
    assertThat(disabled.get("disabled").asBoolean()).isTrue();
    fx.get("/api/v1/workspaces", alice).problem(401, "unauthorized");
    assertThat(fx.post("/api/v1/sessions/introspect", fx.adminToken, "{\"token\":\"" + session + "\"}").body())
        .isEqualTo("{\"active\":false}");
    fx.post("/api/v1/users/alice/tokens", fx.adminToken, null).problem(403, "forbidden");

    JsonNode enabled = fx.post("/api/v1/users/alice/enable", fx.adminToken, "{}").json();
    assertThat(enabled.get("disabled").asBoolean()).isFalse();
    fx.get("/api/v1/workspaces", alice).problem(401, "unauthorized");
    String fresh = fx.post("/api/v1/users/alice/tokens", fx.adminToken, null).json().get("token").asText();
    assertThat(fx.get("/api/v1/workspaces", fresh).status()).isEqualTo(200);
    fx.inSession("GET", "/api/v1/workspaces/plain/entries", fresh, session, null).problem(403, "session-required");
  }

  @Test
  void unknownUsersAre404AndAdministratorsCannotDisableThemselves() {
    fx.post("/api/v1/users/nobody/disable", fx.adminToken, null).problem(404, "not-found");
    fx.post("/api/v1/users/nobody/enable", fx.adminToken, null).problem(404, "not-found");
    assertThat(fx.post("/api/v1/users/admin/disable", fx.adminToken, null).problem(409, "conflict")
        .get("detail").asText()).contains("yourself");
    assertThat(fx.get("/api/v1/users", fx.adminToken).status()).isEqualTo(200);
  }

  @Test
  void userNamesCompareCaseInsensitivelyLikeDuoUsernames() {
    fx.post("/api/v1/users", fx.adminToken, "{\"name\":\"Alice\"}").problem(409, "conflict");
    JsonNode dave = fx.post("/api/v1/users", fx.adminToken, "{\"name\":\"Dave\"}").json();
    JsonNode token = fx.post("/api/v1/users/ALICE/tokens", fx.adminToken, "{}").json();

    assertThat(dave.get("name").asText()).isEqualTo("dave");
    assertThat(dave.get("duoUsername").asText()).isEqualTo("dave");
    assertThat(token.get("owner").asText()).isEqualTo("alice");
    assertThat(fx.get("/api/v1/workspaces", token.get("token").asText()).status()).isEqualTo(200);
  }
}
