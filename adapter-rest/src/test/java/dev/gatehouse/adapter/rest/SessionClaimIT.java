package dev.gatehouse.adapter.rest;

import static dev.gatehouse.adapter.rest.RestFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An approved unlock's session is claimed with a POST on the challenge's {@code session} link,
 * once; reading a challenge never hands it out. Over real HTTP against the core on in-memory fakes.
 */
class SessionClaimIT {
  private RestFixture fx;
  private String alice;

  private void start(RestFixture fixture) {
    fx = fixture;
    alice = fx.user("alice");
    fx.workspace("vault", "alice");
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE).acceptsPasscode("alice", "123456");
    fx.activate(alice, "vault", PHONE, "push");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void onlyAnApprovedUnlockWhoseSessionIsUnclaimedLinksIt() {
    start(new RestFixture());
    JsonNode pending = unlockPending();
    assertThat(pending.at("/links/session").isMissingNode()).as("pending").isTrue();

    JsonNode approved = approveAndRead(pending);
    assertThat(approved.at("/links/session").asText())
        .isEqualTo("/api/v1/challenges/" + approved.get("id").asText() + "/session");
    fx.claim(approved, alice);
    assertThat(read(approved).at("/links/session").isMissingNode()).as("claimed").isTrue();

    JsonNode cancelled = fx.delete(unlockPending().at("/links/self").asText(), alice).json();
    assertThat(cancelled.get("state").asText()).isEqualTo("denied");
    assertThat(cancelled.at("/links/session").isMissingNode()).as("denied").isTrue();
  }

  @Test
  void readingAnApprovedUnlockChangesNothingUntilItIsClaimed() {
    start(new RestFixture());
    JsonNode approved = approveAndRead(unlockPending());

    JsonNode again = read(approved);
    JsonNode andAgain = read(approved);

    assertThat(again).isEqualTo(approved).isEqualTo(andAgain);
    assertThat(fx.get("/api/v1/workspaces/vault/sessions", fx.adminToken).json().get("sessions")).isEmpty();
    String token = fx.claim(andAgain, alice).get("token").asText();
    Response status = fx.inSession("GET", "/api/v1/workspaces/vault/session", alice, token, null);
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    assertThat(status.json().get("live").asBoolean()).isTrue();
  }

  @Test
  void aSessionIsClaimedOnceASecondClaimConflicts() {
    start(new RestFixture());
    JsonNode approved = approveAndRead(unlockPending());
    String link = approved.at("/links/session").asText();
    fx.claim(approved, alice);

    JsonNode second = fx.post(link, alice, null).problem(409, "conflict");

    assertThat(second.get("detail").asText()).contains("already claimed");
    assertThat(second.toString()).doesNotContain("\"token\"");
    assertThat(fx.get("/api/v1/workspaces/vault/sessions", fx.adminToken).json().get("sessions")).hasSize(1);
  }

  @Test
  void aPendingChallengeOrSomeoneElsesCannotBeClaimed() {
    start(new RestFixture());
    String bob = fx.user("bob");
    JsonNode pending = unlockPending();
    String link = pending.at("/links/self").asText() + "/session";

    fx.post(link, alice, null).problem(409, "conflict");
    JsonNode approved = approveAndRead(pending);
    fx.post(link, bob, null).problem(403, "forbidden");
    fx.post(link, null, null).problem(401, "unauthorized");

    assertThat(fx.claim(approved, alice).get("token").asText()).isNotBlank();
  }

  @Test
  void aClaimAfterTheMemberWasRemovedIsForbiddenAndAudited() {
    start(new RestFixture());
    JsonNode approved = approveAndRead(unlockPending());
    assertThat(fx.delete("/api/v1/workspaces/vault/members/alice", fx.adminToken).status()).isEqualTo(200);

    JsonNode problem = fx.post(approved.at("/links/session").asText(), alice, null).problem(403, "forbidden");

    assertThat(problem.get("detail").asText())
        .isEqualTo("approved, but no session was issued: access withdrawn (not_member)");
    assertThat(fx.get("/api/v1/workspaces/vault/sessions", fx.adminToken).json().get("sessions")).isEmpty();
    JsonNode newest = fx.get("/api/v1/audit?workspace=vault&limit=1", fx.adminToken).json().at("/events/0");
    assertThat(newest.get("type").asText()).isEqualTo("access_denied");
    assertThat(newest.get("actor").asText()).isEqualTo("alice");
  }

  @Test
  void aBusyServerAnswers503WithRetryAfterInSecondsAndSendsNothing() {
    start(new RestFixture(GatehouseOptions.server().withMaxPending(1)));
    // The verifying push is followed until its follower notices the approval.
    await().atMost(Duration.ofSeconds(10)).until(() -> fx.gatehouse.challenges().following() == 0);
    unlockPending();
    assertThat(fx.gatehouse.challenges().following()).isEqualTo(1);
    String bob = fx.user("bob");
    assertThat(fx.put("/api/v1/workspaces/vault/members/bob", fx.adminToken, null).status()).isEqualTo(200);
    fx.core.duo.enrolled("bob", PHONE);
    long pushes = fx.core.duo.count(Operation.START_AUTH);

    Response busy = fx.put("/api/v1/workspaces/vault/duo/enrollment", bob,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"push\"}");

    JsonNode problem = busy.problem(503, "busy");
    assertThat(busy.header("Retry-After")).isEqualTo("5");
    assertThat(problem.get("detail").asText()).contains("try again");
    assertThat(fx.core.duo.count(Operation.START_AUTH)).as("nothing was sent to Duo").isEqualTo(pushes);
    assertThat(fx.get("/api/v1/workspaces/vault/duo/enrollment", bob).json().get("status").asText())
        .as("nothing was stored").isEqualTo("none");
  }

  private JsonNode unlockPending() {
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.status()).as(unlock.body()).isEqualTo(202);
    return unlock.json().get("challenge");
  }

  private JsonNode approveAndRead(JsonNode pending) {
    fx.core.duo.approve(fx.core.duo.lastTransaction());
    JsonNode approved = fx.get(pending.at("/links/self").asText() + "?waitSeconds=5", alice).json();
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    return approved;
  }

  private JsonNode read(JsonNode challenge) {
    Response read = fx.get(challenge.at("/links/self").asText(), alice);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json();
  }
}
