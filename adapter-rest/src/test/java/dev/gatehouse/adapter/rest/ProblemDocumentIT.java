package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error is an RFC 9457 problem document: 400, 404, 405, 409, 413, 502, 503, and readiness. */
class ProblemDocumentIT {
  private RestFixture fx;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void healthAndReadinessAnswerWithoutAToken() {
    assertThat(fx.get("/health", null).json().get("status").asText()).isEqualTo("up");
    Response ready = fx.get("/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("ready");
  }

  @Test
  void failedReadinessCheckAnswers503() {
    try (RestFixture down = new RestFixture(RestConfig.of("127.0.0.1", 0),
        () -> Optional.of("the database does not answer"))) {
      JsonNode problem = down.get("/ready", null).problem(503, "not-ready");
      assertThat(problem.get("detail").asText()).isEqualTo("the database does not answer");
      assertThat(down.get("/health", null).status()).isEqualTo(200);
    }
    try (RestFixture broken = new RestFixture(RestConfig.of("127.0.0.1", 0), () -> {
      throw new IllegalStateException("connection refused to postgres://user:pw@db");
    })) {
      JsonNode problem = broken.get("/ready", null).problem(503, "not-ready");
      assertThat(problem.toString()).doesNotContain("pw@db");
    }
  }

  @Test
  void unknownPathIs404() {
    fx.get("/nowhere", null).problem(404, "no-such-route");
    fx.get("/api/v1/nowhere", fx.adminToken).problem(404, "no-such-route");
    fx.get("/api/v1/workspaces/vault/nowhere", null).problem(404, "no-such-route");
  }

  @Test
  void unknownWorkspaceIs404() {
    fx.get("/api/v1/workspaces/nope", fx.adminToken).problem(404, "not-found");
    fx.post("/api/v1/users/nobody/tokens", fx.adminToken, null).problem(404, "not-found");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    Response response = fx.delete("/api/v1/workspaces", fx.adminToken);
    response.problem(405, "method-not-allowed");
    assertThat(response.header("Allow")).contains("GET", "POST");
    fx.send("PATCH", "/health", null, null, Map.of()).problem(405, "method-not-allowed");
    fx.put("/api/v1/users", fx.adminToken, null).problem(405, "method-not-allowed");
  }

  @Test
  void malformedJsonIs400WithoutEchoingTheBody() {
    Response response = fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\": \"vault\", SECRET-ISH");
    JsonNode problem = response.problem(400, "invalid-request");
    assertThat(problem.get("detail").asText()).contains("not valid JSON");
    assertThat(response.body()).doesNotContain("SECRET-ISH");
    fx.post("/api/v1/workspaces", fx.adminToken, "").problem(400, "invalid-request");
    fx.post("/api/v1/workspaces", fx.adminToken, "[1,2]").problem(400, "invalid-request");
    fx.post("/api/v1/workspaces", fx.adminToken, "null").problem(400, "invalid-request");
    fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"a\"} {}").problem(400, "invalid-request");
  }

  @Test
  void unknownFieldIs400NamingTheField() {
    JsonNode problem = fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\",\"colour\":\"red\"}")
        .problem(400, "invalid-input");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("colour");
    JsonNode nested = fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken,
        "{\"apiHostname\":\"h\",\"options\":{\"bogus\":1}}").problem(400, "invalid-input");
    assertThat(nested.at("/errors/0/field").asText()).isEqualTo("options.bogus");
  }

  @Test
  void wrongTypeIs400NamingTheField() {
    JsonNode problem = fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":{\"a\":1}}")
        .problem(400, "invalid-input");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("name");
  }

  @Test
  void scalarsAreNotCoerced() {
    for (String name : new String[] {"123", "1.5", "true"}) {
      JsonNode problem = fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":" + name + "}")
          .problem(400, "invalid-input");
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("name");
      assertThat(problem.at("/errors/0/reason").asText()).isEqualTo("has the wrong type");
    }
    fx.get("/api/v1/workspaces/123", fx.adminToken).problem(404, "not-found");
    fx.get("/api/v1/workspaces/true", fx.adminToken).problem(404, "not-found");
    // Nor is a string a number.
    JsonNode options = fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken,
        "{\"apiHostname\":\"h\",\"options\":{\"pushCooldownSeconds\":\"5\"}}").problem(400, "invalid-input");
    assertThat(options.at("/errors/0/field").asText()).isEqualTo("options.pushCooldownSeconds");
  }

  @Test
  void duplicateFieldsAre400() {
    JsonNode problem = fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"a\",\"name\":\"b\"}")
        .problem(400, "invalid-request");
    assertThat(problem.get("detail").asText()).contains("twice");
    fx.get("/api/v1/workspaces/a", fx.adminToken).problem(404, "not-found");
    fx.get("/api/v1/workspaces/b", fx.adminToken).problem(404, "not-found");
    fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken,
        "{\"apiHostname\":\"h\",\"options\":{\"pushCooldownSeconds\":1,\"pushCooldownSeconds\":2}}")
        .problem(400, "invalid-request");
  }

  @Test
  void bodiesThatAreNotJsonAre415() {
    String body = "{\"name\":\"vault\"}";
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/jsonx"}) {
      fx.send("POST", "/api/v1/workspaces", fx.adminToken, body, Map.of("Content-Type", type))
          .problem(415, "unsupported-media-type");
    }
    HttpRequest untyped = HttpRequest.newBuilder(fx.uri("/api/v1/workspaces"))
        .header("Authorization", "Bearer " + fx.adminToken)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    fx.sendAsync(untyped).join().problem(415, "unsupported-media-type");
    fx.send("POST", "/api/v1/workspaces/vault/unlock", fx.adminToken, "{}", Map.of("Content-Type", "text/plain"))
        .problem(415, "unsupported-media-type");
    fx.get("/api/v1/workspaces/vault", fx.adminToken).problem(404, "not-found");
    // Without a token it is 401 first; JSON with parameters is JSON.
    fx.send("POST", "/api/v1/workspaces", null, body, Map.of("Content-Type", "text/plain"))
        .problem(401, "unauthorized");
    assertThat(fx.send("POST", "/api/v1/workspaces", fx.adminToken, body,
        Map.of("Content-Type", "application/json; charset=utf-8")).status()).isEqualTo(201);
  }

  @Test
  void bodiesInAnotherCharsetThanUtf8Are415() {
    for (String type : new String[] {"application/json; charset=utf-16", "application/json;charset=\"UTF-16LE\"",
        "application/json; charset=iso-8859-1", "application/merge-patch+json; charset=utf-32"}) {
      JsonNode problem = fx.send("POST", "/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}",
          Map.of("Content-Type", type)).problem(415, "unsupported-media-type");
      assertThat(problem.get("detail").asText()).as(type).contains("UTF-8");
    }
    fx.get("/api/v1/workspaces/vault", fx.adminToken).problem(404, "not-found");
    assertThat(fx.send("POST", "/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}",
        Map.of("Content-Type", "application/json; charset=\"UTF-8\"")).status()).isEqualTo(201);
  }

  @Test
  void operationsWithoutFieldsRefuseUnknownOnes() {
    JsonNode problem = fx.put("/api/v1/workspaces/vault/members/admin", fx.adminToken, "{\"role\":\"x\"}")
        .problem(400, "invalid-input");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("role");
    fx.post("/api/v1/users/admin/tokens", fx.adminToken, "[]").problem(400, "invalid-request");
    assertThat(fx.post("/api/v1/users/admin/tokens", fx.adminToken, "{}").status()).isEqualTo(201);
    assertThat(fx.post("/api/v1/users/admin/tokens", fx.adminToken, " ").status()).isEqualTo(201);
  }

  @Test
  void addingAMemberTwiceIsIdempotent() {
    fx.user("alice");
    assertThat(fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}").status()).isEqualTo(201);
    Response first = fx.put("/api/v1/workspaces/vault/members/alice", fx.adminToken, null);
    assertThat(first.status()).isEqualTo(200);
    Response second = fx.put("/api/v1/workspaces/vault/members/alice", fx.adminToken, null);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json()).isEqualTo(first.json());
    java.util.List<String> members = new java.util.ArrayList<>();
    second.json().get("members").forEach(member -> members.add(member.asText()));
    assertThat(members).containsOnlyOnce("alice");
  }

  @Test
  void invalidValuesAre400WithEveryFieldError() {
    assertThat(fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}").status()).isEqualTo(201);
    JsonNode problem = fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken,
        "{\"apiHostname\":\"https://x/y\",\"integrationKey\":\"short\",\"secretKey\":\"tooshort\","
            + "\"failmode\":\"open\",\"options\":{\"pushCooldownSeconds\":-1}}")
        .problem(400, "invalid-input");
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "apiHostname", "integrationKey", "secretKey", "failmode", "options.pushCooldownSeconds");
    assertThat(problem.toString()).doesNotContain("tooshort");
    fx.post("/api/v1/workspaces", fx.adminToken, "{}").problem(400, "invalid-input");
    fx.get("/api/v1/workspaces/bad%20name", fx.adminToken).problem(400, "invalid-input");
    fx.get("/api/v1/challenges/short", fx.adminToken).problem(400, "invalid-input");
  }

  @Test
  void badQueryParametersAre400() {
    String id = "/api/v1/challenges/AAAAAAAAAAAAAAAAAAAAAA";
    assertThat(fx.get(id + "?waitSeconds=31", fx.adminToken).problem(400, "invalid-input")
        .at("/errors/0/field").asText()).isEqualTo("waitSeconds");
    fx.get(id + "?waitSeconds=soon", fx.adminToken).problem(400, "invalid-input");
    fx.get(id + "?waitSeconds=-1", fx.adminToken).problem(400, "invalid-input");
    assertThat(fx.get("/api/v1/audit?limit=0", fx.adminToken).problem(400, "invalid-input")
        .at("/errors/0/field").asText()).isEqualTo("limit");
    fx.get("/api/v1/audit?limit=lots", fx.adminToken).problem(400, "invalid-input");
    fx.get("/api/v1/audit?workspace=bad%20name", fx.adminToken).problem(400, "invalid-input");
  }

  @Test
  void bodyOver64KiBIs413() {
    String big = "{\"name\":\"vault\",\"description\":\"" + "x".repeat(70 * 1024) + "\"}";
    fx.post("/api/v1/workspaces", fx.adminToken, big).problem(413, "body-too-large");
    // Without Content-Length (chunked), the limit holds while reading.
    HttpRequest chunked = HttpRequest.newBuilder(fx.uri("/api/v1/workspaces"))
        .header("Authorization", "Bearer " + fx.adminToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
        .build();
    fx.sendAsync(chunked).join().problem(413, "body-too-large");
    // Just under the limit is read (and then judged on its content).
    String fits = "{\"name\":\"vault\",\"description\":\"" + "x".repeat(60 * 1024) + "\"}";
    fx.post("/api/v1/workspaces", fx.adminToken, fits).problem(400, "invalid-input");
  }

  @Test
  void conflictsAre409() {
    assertThat(fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}").status()).isEqualTo(201);
    fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}").problem(409, "conflict");
    fx.user("alice");
    fx.post("/api/v1/users", fx.adminToken, "{\"name\":\"alice\"}").problem(409, "conflict");
  }

  @Test
  void createdWorkspaceHasALocation() {
    Response created = fx.post("/api/v1/workspaces", fx.adminToken,
        "{\"name\":\"vault\",\"description\":\"Production servers\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    assertThat(created.header("Location")).isEqualTo("/api/v1/workspaces/vault");
    assertThat(created.header("Cache-Control")).isEqualTo("no-store");
    assertThat(created.json().at("/mfa/type").asText()).isEqualTo("none");
    assertThat(fx.get(created.header("Location"), fx.adminToken).json().get("description").asText())
        .isEqualTo("Production servers");
  }

  @Test
  void storageFailureIs503() {
    fx.core.store.failOnWrite(1);
    JsonNode problem = fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}")
        .problem(503, "storage-unavailable");
    assertThat(problem.get("detail").asText()).doesNotContain("simulated");
  }

  @Test
  void duoRefusingTheCredentialsIs502AndSavesNothing() {
    assertThat(fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}").status()).isEqualTo(201);
    fx.core.duo.failNext(Operation.CHECK,
        FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.CREDENTIALS_REJECTED));
    JsonNode problem = fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken, RestFixture.duoSettings(null))
        .problem(502, "duo-rejected");
    assertThat(problem.get("code").asText()).isEqualTo("credentials_rejected");
    assertThat(fx.get("/api/v1/workspaces/vault/mfa", fx.adminToken).json().get("type").asText())
        .isEqualTo("none");

    fx.core.duo.failNext(Operation.CHECK,
        FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.INTEGRATION_FORBIDDEN));
    JsonNode check = fx.post("/api/v1/duo/check", fx.adminToken, RestFixture.duoSettings(null)).json();
    assertThat(check.get("result").asText()).isEqualTo("failed");
    assertThat(check.get("problem").asText()).isEqualTo("integration_forbidden");
  }

  @Test
  void whatGetAnswersCanBeEditedAndPutBackWithTheSecretKey() {
    assertThat(fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}").status()).isEqualTo(201);
    fx.configureDuo("vault", "secure");
    ObjectNode mfa = (ObjectNode) fx.get("/api/v1/workspaces/vault/mfa", fx.adminToken).json();
    assertThat(mfa.get("type").asText()).isEqualTo("duo");

    mfa.put("failmode", "safe").put("secretKey", RestFixture.SKEY);
    ((ObjectNode) mfa.get("options")).put("pushCooldownSeconds", 45);
    fx.adminApproval("vault");
    Response put = fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken, mfa.toString());

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonNode saved = fx.get("/api/v1/workspaces/vault/mfa", fx.adminToken).json();
    assertThat(saved.get("type").asText()).isEqualTo("duo");
    assertThat(saved.get("failmode").asText()).isEqualTo("safe");
    assertThat(saved.at("/options/pushCooldownSeconds").asLong()).isEqualTo(45);
  }

  @Test
  void anyTypeButDuoIsInvalidInput() {
    assertThat(fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}").status()).isEqualTo(201);
    for (String type : new String[] {"\"none\"", "\"DUO\"", "\"\"", "7"}) {
      String body = RestFixture.duoSettings(null).replaceFirst("\\{", "{\"type\":" + type + ",");

      JsonNode problem = fx.put("/api/v1/workspaces/vault/mfa", fx.adminToken, body).problem(400, "invalid-input");

      assertThat(problem.at("/errors/0/field").asText()).as(type).isEqualTo("type");
    }
    assertThat(fx.get("/api/v1/workspaces/vault/mfa", fx.adminToken).json().get("type").asText()).isEqualTo("none");
  }

  @Test
  void disabledMfaIsNone() {
    assertThat(fx.post("/api/v1/workspaces", fx.adminToken, "{\"name\":\"vault\"}").status()).isEqualTo(201);
    fx.configureDuo("vault", "safe");
    JsonNode mfa = fx.get("/api/v1/workspaces/vault/mfa", fx.adminToken).json();
    assertThat(mfa.get("failmode").asText()).isEqualTo("safe");
    assertThat(mfa.at("/options/sessionLifetimeSeconds").asLong()).isEqualTo(28800);
    fx.adminApproval("vault");
    assertThat(fx.delete("/api/v1/workspaces/vault/mfa", fx.adminToken).status()).isEqualTo(204);
    assertThat(fx.get("/api/v1/workspaces/vault/mfa", fx.adminToken).json().get("type").asText())
        .isEqualTo("none");
  }
}
