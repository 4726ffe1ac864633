package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workspace sessions over real HTTP: the caller's status and close, administrators' list and revoke, introspection. */
class SessionIT {
  private static final String SESSION = "/api/v1/workspaces/vault/session";
  private static final String SESSIONS = "/api/v1/workspaces/vault/sessions";
  private static final String INTROSPECT = "/api/v1/sessions/introspect";

  private RestFixture fx;
  private String alice;
  private String aliceSession;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
    alice = fx.user("alice");
    fx.user("bob");
    fx.workspace("vault", "alice", "bob");
    aliceSession = fx.open(alice, "vault");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private static String token(String value) {
    return "{\"token\":\"" + value + "\"}";
  }

  @Test
  void theCallerSeesTheirLiveSessionAndClosesIt() {
    JsonNode live = fx.inSession("GET", SESSION, alice, aliceSession, null).json();
    assertThat(live.get("live").asBoolean()).isTrue();
    assertThat(live.get("id").asText()).matches("[A-Za-z0-9_-]{8,64}");
    assertThat(live.get("kind").asText()).isEqualTo("no_mfa");
    assertThat(Instant.parse(live.get("expiresAt").asText())).isAfter(Instant.parse(live.get("createdAt").asText()));
    assertThat(live.toString()).doesNotContain(aliceSession);

    Response closed = fx.inSession("DELETE", SESSION, alice, aliceSession, null);
    assertThat(closed.status()).isEqualTo(204);
    assertThat(closed.body()).isEmpty();
    Response after = fx.inSession("GET", SESSION, alice, aliceSession, null);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("{\"live\":false}");
    assertThat(fx.inSession("DELETE", SESSION, alice, aliceSession, null).status()).isEqualTo(204);
  }

  @Test
  void sessionStatusNeedsTheHeaderAndMembership() {
    fx.get(SESSION, alice).problem(403, "session-required");
    fx.inSession("DELETE", SESSION, alice, null, null).problem(403, "session-required");
    String carol = fx.user("carol");
    fx.inSession("GET", SESSION, carol, aliceSession, null).problem(403, "forbidden");
    // Someone else's token is not the caller's session.
    String bob = fx.post("/api/v1/users/bob/tokens", fx.adminToken, null).json().get("token").asText();
    assertThat(fx.inSession("GET", SESSION, bob, aliceSession, null).body()).isEqualTo("{\"live\":false}");
  }

  @Test
  void administratorsListLiveSessionsWithoutTokensAndRevokeOne() {
    String bob = fx.post("/api/v1/users/bob/tokens", fx.adminToken, null).json().get("token").asText();
    String bobSession = fx.open(bob, "vault");
    Response listed = fx.get(SESSIONS, fx.adminToken);
    assertThat(listed.status()).isEqualTo(200);
    JsonNode sessions = listed.json().get("sessions");
    assertThat(sessions.findValuesAsText("user")).containsExactlyInAnyOrder("alice", "bob");
    assertThat(sessions.get(0).has("kind") && sessions.get(0).has("createdAt") && sessions.get(0).has("expiresAt"))
        .isTrue();
    assertThat(listed.body()).doesNotContain(aliceSession).doesNotContain(bobSession).doesNotContain("token");

    String bobsId = fx.inSession("GET", SESSION, bob, bobSession, null).json().get("id").asText();
    assertThat(fx.delete(SESSIONS + "/" + bobsId, fx.adminToken).status()).isEqualTo(204);
    assertThat(fx.inSession("GET", SESSION, bob, bobSession, null).json().get("live").asBoolean()).isFalse();
    assertThat(fx.get(SESSIONS, fx.adminToken).json().get("sessions").findValuesAsText("user"))
        .containsExactly("alice");
    fx.delete(SESSIONS + "/AAAAAAAAAAAAAAAA", fx.adminToken).problem(404, "not-found");
    fx.delete(SESSIONS + "/no!", fx.adminToken).problem(400, "invalid-input");
  }

  @Test
  void removingAMemberEndsTheirSessionAtOnce() {
    assertThat(fx.inSession("GET", "/api/v1/workspaces/vault/entries", alice, aliceSession, null).status())
        .isEqualTo(200);
    fx.delete("/api/v1/workspaces/vault/members/alice", fx.adminToken);
    fx.put("/api/v1/workspaces/vault/members/alice", fx.adminToken, null);
    fx.inSession("GET", "/api/v1/workspaces/vault/entries", alice, aliceSession, null).problem(403, "session-required");
  }

  @Test
  void administratorsIntrospectALiveSession() {
    Response answer = fx.post(INTROSPECT, fx.adminToken, token(aliceSession));
    assertThat(answer.status()).isEqualTo(200);
    JsonNode active = answer.json();
    assertThat(active.get("active").asBoolean()).isTrue();
    assertThat(active.get("user").asText()).isEqualTo("alice");
    assertThat(active.get("workspace").asText()).isEqualTo("vault");
    assertThat(active.get("kind").asText()).isEqualTo("no_mfa");
    Instant expires = Instant.parse(active.get("expiresAt").asText());
    assertThat(active.get("exp").asLong()).isEqualTo(expires.getEpochSecond());
    assertThat(answer.body()).doesNotContain(aliceSession);
  }

  @Test
  void unknownMalformedClosedAndExpiredTokensAreExactlyInactive() {
    String inactive = "{\"active\":false}";
    assertThat(fx.post(INTROSPECT, fx.adminToken, token("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).body()).isEqualTo(inactive);
    assertThat(fx.post(INTROSPECT, fx.adminToken, token("not a token")).body()).isEqualTo(inactive);
    assertThat(fx.post(INTROSPECT, fx.adminToken, token(alice)).body()).isEqualTo(inactive);
    String bob = fx.post("/api/v1/users/bob/tokens", fx.adminToken, null).json().get("token").asText();
    String bobSession = fx.open(bob, "vault");
    fx.inSession("DELETE", SESSION, bob, bobSession, null);
    assertThat(fx.post(INTROSPECT, fx.adminToken, token(bobSession)).body()).isEqualTo(inactive);
    fx.core.clock.advance(Duration.ofDays(2));
    Response expired = fx.post(INTROSPECT, fx.adminToken, token(aliceSession));
    assertThat(expired.status()).isEqualTo(200);
    assertThat(expired.body()).isEqualTo(inactive);
  }

  @Test
  void onlyAdministratorsAndIntrospectTokensMayIntrospect() {
    fx.post(INTROSPECT, alice, token(aliceSession)).problem(403, "forbidden");
    fx.post(INTROSPECT, alice, token("not a token")).problem(403, "forbidden");
    fx.user("gateway");
    String gateway = fx.post("/api/v1/users/gateway/tokens", fx.adminToken, "{\"scopes\":[\"introspect\"]}")
        .json().get("token").asText();
    assertThat(fx.post(INTROSPECT, gateway, token(aliceSession)).json().get("active").asBoolean()).isTrue();
    // The scope is the token's, not the user's.
    String plain = fx.post("/api/v1/users/gateway/tokens", fx.adminToken, null).json().get("token").asText();
    fx.post(INTROSPECT, plain, token(aliceSession)).problem(403, "forbidden");
  }

  @Test
  void introspectionNeedsAToken() {
    assertThat(fx.post(INTROSPECT, fx.adminToken, "{}").problem(400, "invalid-input")
        .get("errors").findValuesAsText("field")).containsExactly("token");
    fx.post(INTROSPECT, fx.adminToken, "{\"token\":\"x\",\"user\":\"alice\"}").problem(400, "invalid-input");
    fx.post(INTROSPECT, fx.adminToken, null).problem(400, "invalid-request");
  }
}
