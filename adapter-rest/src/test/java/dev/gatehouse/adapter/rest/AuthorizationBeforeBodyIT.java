package dev.gatehouse.adapter.rest;

import static dev.gatehouse.adapter.rest.RestFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authorization comes before body validation: whoever may not use an operation gets its 403 (or
 * 404) whatever the body holds, never a 400 that describes the body's fields; whoever may gets
 * the 400.
 */
class AuthorizationBeforeBodyIT {
  /** Bodies every body-taking operation refuses: malformed, an unknown field, a field of the wrong type. */
  private static final String[] BAD_BODIES = {"{", "{\"bogus\":1}", "{\"name\":5,\"passcode\":5,\"token\":5}"};

  private RestFixture fx;
  private String alice;
  private String carol;
  private String dave;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
    alice = fx.user("alice");
    carol = fx.user("carol");
    dave = fx.user("dave");
    fx.workspace("vault", "alice", "dave");
    assertThat(fx.put("/api/v1/workspaces/vault/members/dave", fx.adminToken, "{\"role\":\"editor\"}").status())
        .isEqualTo(200);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void aNonAdministratorGets403ForEveryAdministrativeBody() {
    for (String route : new String[] {"POST /api/v1/workspaces", "PUT /api/v1/workspaces/vault/members/carol",
        "PUT /api/v1/workspaces/vault/mfa", "POST /api/v1/duo/check", "POST /api/v1/workspaces/vault/duo/readiness",
        "POST /api/v1/users", "POST /api/v1/users/carol/tokens", "POST /api/v1/sessions/introspect"}) {
      for (String body : BAD_BODIES) {
        assertRefused(send(route, alice, body, Map.of()), 403, "forbidden", route, body);
      }
    }
  }

  @Test
  void aNonMemberGets403ForAMembersBody() {
    for (String body : BAD_BODIES) {
      assertRefused(send("PUT /api/v1/workspaces/vault/duo/enrollment", carol, body, Map.of()), 403, "forbidden",
          "enrollment", body);
      assertRefused(send("POST /api/v1/workspaces/vault/entries", carol, body,
          Map.of(RestRequest.SESSION_HEADER, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")), 403, "forbidden",
          "entries", body);
    }
  }

  @Test
  void aReaderGets403AndAMemberWithoutSessionGetsSessionRequiredForAnEntryBody() {
    String session = fx.open(alice, "vault");
    for (String body : BAD_BODIES) {
      assertRefused(send("POST /api/v1/workspaces/vault/entries", alice, body,
          Map.of(RestRequest.SESSION_HEADER, session)), 403, "forbidden", "reader adds", body);
      assertRefused(send("PUT /api/v1/workspaces/vault/entries/db", alice, body,
          Map.of(RestRequest.SESSION_HEADER, session)), 403, "forbidden", "reader edits", body);
      assertRefused(send("POST /api/v1/workspaces/vault/entries", dave, body, Map.of()), 403, "session-required",
          "editor without session", body);
    }
  }

  @Test
  void someoneElsesChallengeGets403AndAnUnknownOne404ForAPasscodeBody() {
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE);
    fx.activate(alice, "vault", PHONE, "push");
    String self = fx.post("/api/v1/workspaces/vault/unlock", alice, null).json().at("/challenge/links/self").asText();
    for (String body : BAD_BODIES) {
      assertRefused(send("POST " + self + "/passcode", carol, body, Map.of()), 403, "forbidden", "other's", body);
      assertRefused(send("POST /api/v1/challenges/AAAAAAAAAAAAAAAAAAAAAA/passcode", carol, body, Map.of()), 404,
          "not-found", "unknown", body);
    }
    fx.post(self + "/passcode", alice, "{\"passcode\":5}").problem(400, "invalid-input");
  }

  @Test
  void whoeverMayUseTheOperationStillLearnsWhatIsWrongWithTheBody() {
    String session = fx.open(dave, "vault");
    fx.post("/api/v1/workspaces", fx.adminToken, "{\"bogus\":1}").problem(400, "invalid-input");
    fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken, "{").problem(400, "invalid-request");
    fx.put("/api/v1/workspaces/vault/members/carol", fx.adminToken, "{\"role\":\"boss\"}").problem(400, "invalid-input");
    fx.post("/api/v1/users/alice/tokens", alice, "{\"bogus\":1}").problem(400, "invalid-input");
    fx.put("/api/v1/workspaces/vault/duo/enrollment", alice, "{\"device\":5}").problem(400, "invalid-input");
    fx.inSession("POST", "/api/v1/workspaces/vault/entries", dave, session, "{\"name\":5}")
        .problem(400, "invalid-input");
    fx.post("/api/v1/sessions/introspect", fx.adminToken, "{\"bogus\":1}").problem(400, "invalid-input");
  }

  private Response send(String route, String token, String body, Map<String, String> headers) {
    String[] methodAndPath = route.split(" ", 2);
    return fx.send(methodAndPath[0], methodAndPath[1], token, body, headers);
  }

  private static void assertRefused(Response response, int status, String type, String what, String body) {
    JsonNode problem = response.problem(status, type);
    assertThat(problem.has("errors")).as(what + " " + body).isFalse();
    assertThat(response.body()).as(what + " " + body).doesNotContain("bogus").doesNotContain("wrong type")
        .doesNotContain("not valid JSON").doesNotContain("known field");
  }
}
