package dev.gatehouse.adapter.rest;

import static dev.gatehouse.adapter.rest.RestFixture.PHONE;
import static dev.gatehouse.adapter.rest.RestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's flow and its variants over real HTTP against the real core on in-memory fakes. */
class UnlockFlowIT {
  private RestFixture fx;
  private String alice;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
    alice = fx.user("alice");
    fx.workspace("vault", "alice");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void followsTheSeedFromCheckToEveryUnlockAskingDuoAgain() {
    // Administrator: Check, then configure (which checks again before saving).
    Response check = fx.post("/api/v1/duo/check", fx.adminToken, RestFixture.duoSettings(null));
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.json().get("result").asText()).isEqualTo("passed");
    fx.configureDuo("vault", null);
    JsonNode mfa = fx.get("/api/v1/workspaces/vault/mfa", alice).json();
    assertThat(mfa.get("type").asText()).isEqualTo("duo");
    assertThat(mfa.get("failmode").asText()).isEqualTo("secure");

    // Member: lists devices (several: Use this device), chooses device and method.
    fx.core.duo.enrolled("alice", PHONE, TOKEN);
    Response devices = fx.get("/api/v1/workspaces/vault/duo/devices", alice);
    assertThat(devices.status()).isEqualTo(200);
    assertThat(devices.json().get("status").asText()).isEqualTo("devices");
    assertThat(devices.json().get("devices")).hasSize(2);
    assertThat(devices.json().at("/devices/0/methods").toString()).contains("push", "sms", "phone", "passcode");
    assertThat(devices.json().has("suggested")).isFalse();

    Response chosen = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"push\"}");
    assertThat(chosen.status()).isEqualTo(202);
    assertThat(chosen.json().get("outcome").asText()).isEqualTo("verifying");
    JsonNode verifying = chosen.json().get("challenge");
    assertThat(verifying.get("purpose").asText()).isEqualTo("verify_device");
    assertThat(verifying.get("state").asText()).isEqualTo("pending");
    assertThat(chosen.header("Location")).isEqualTo("/api/v1/challenges/" + verifying.get("id").asText());
    JsonNode enrollment = fx.get("/api/v1/workspaces/vault/duo/enrollment", alice).json();
    assertThat(enrollment.get("status").asText()).isEqualTo("pending");
    assertThat(enrollment.at("/pending/method").asText()).isEqualTo("push");

    // Save authenticates: the member approves the verifying push while the client long-polls.
    CompletableFuture<Response> poll = fx.sendAsync(fx.request("GET",
        verifying.at("/links/poll").asText(), alice, null, java.util.Map.of()));
    fx.core.duo.approve(fx.core.duo.lastTransaction());
    JsonNode approved = join(poll).json();
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    assertThat(approved.at("/links/session").isMissingNode()).as("a device verification opens no session").isTrue();
    enrollment = fx.get("/api/v1/workspaces/vault/duo/enrollment", alice).json();
    assertThat(enrollment.get("status").asText()).isEqualTo("active");
    assertThat(enrollment.at("/active/device").asText()).isEqualTo(PHONE.id().value());

    // Every unlock asks Duo again: 202, poll, claim the session token once.
    for (int round = 0; round < 2; round++) {
      long preauths = fx.core.duo.count(Operation.PREAUTH);
      Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
      assertThat(unlock.status()).isEqualTo(202);
      assertThat(fx.core.duo.count(Operation.PREAUTH)).isEqualTo(preauths + 1);
      JsonNode challenge = unlock.json().get("challenge");
      assertThat(unlock.json().get("outcome").asText()).isEqualTo("pending");
      assertThat(challenge.get("method").asText()).isEqualTo("push");
      assertThat(challenge.get("message").asText()).isNotBlank();
      assertThat(challenge.at("/links/poll").asText()).endsWith("?waitSeconds=25");
      // Push or passcode, whichever comes first: a pending push takes a passcode too.
      assertThat(challenge.at("/links/passcode").asText()).endsWith("/passcode");
      assertThat(challenge.at("/links/session").isMissingNode()).isTrue();
      fx.core.duo.approve(fx.core.duo.lastTransaction());
      String self = challenge.at("/links/self").asText();
      JsonNode first = fx.get(self + "?waitSeconds=5", alice).json();
      assertThat(first.has("session")).as("reading never hands out the session").isFalse();
      JsonNode session = fx.claim(first, alice);
      assertThat(session.get("token").asText()).hasSizeGreaterThanOrEqualTo(22);
      assertThat(session.get("kind").asText()).isEqualTo("duo_approved");
      assertThat(session.get("id").asText()).matches("[A-Za-z0-9_-]{8,64}");
      assertThat(session.get("workspace").asText()).isEqualTo("vault");
      JsonNode again = fx.get(self + "?waitSeconds=1", alice).json();
      assertThat(again.get("state").asText()).isEqualTo("approved");
      assertThat(again.at("/links/session").isMissingNode()).as("claimed").isTrue();
    }
  }

  @Test
  void choosesTheOnlyDeviceThatCanDoTheMethodWhenNoneIsNamed() {
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE, TOKEN);

    Response chosen = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice, "{\"method\":\"push\"}");

    assertThat(chosen.status()).as(chosen.body()).isEqualTo(202);
    assertThat(chosen.json().at("/challenge/device").asText()).isEqualTo(PHONE.id().value());
    assertThat(fx.get("/api/v1/workspaces/vault/duo/enrollment", alice).json().at("/pending/device").asText())
        .isEqualTo(PHONE.id().value());
  }

  @Test
  void listsTheDevicesThatCanDoTheMethodWhenSeveralCouldAndNoneIsNamed() {
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE, TOKEN);

    JsonNode problem = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice, "{\"method\":\"passcode\"}")
        .problem(403, "denied");

    assertThat(problem.get("code").asText()).isEqualTo("device_required");
    assertThat(problem.get("detail").asText()).contains(PHONE.id().value(), TOKEN.id().value());
    assertThat(fx.get("/api/v1/workspaces/vault/duo/enrollment", alice).json().get("status").asText())
        .isEqualTo("none");
  }

  @Test
  void unlocksWithSmsPasscodes() {
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE).acceptsPasscode("alice", "123456");
    Response chosen = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"sms\"}");
    assertThat(chosen.status()).isEqualTo(202);
    JsonNode challenge = chosen.json().get("challenge");
    assertThat(challenge.get("state").asText()).isEqualTo("awaiting_passcode");
    assertThat(challenge.get("message").asText()).isEqualTo("New SMS passcodes sent.");
    String passcode = challenge.at("/links/passcode").asText();

    JsonNode wrong = fx.post(passcode, alice, "{\"passcode\":\"999999\"}").json();
    assertThat(wrong.get("state").asText()).isEqualTo("awaiting_passcode");
    assertThat(wrong.get("remainingPasscodeAttempts").asInt()).isEqualTo(4);
    JsonNode right = fx.post(passcode, alice, "{\"passcode\":\"123456\"}").json();
    assertThat(right.get("state").asText()).isEqualTo("approved");
    assertThat(right.get("remainingPasscodeAttempts").asInt()).as("a right passcode is given back").isEqualTo(4);

    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.status()).isEqualTo(202);
    assertThat(unlock.json().at("/challenge/method").asText()).isEqualTo("sms");
    JsonNode opened = fx.post(unlock.json().at("/challenge/links/passcode").asText(), alice,
        "{\"passcode\":\"123456\"}").json();
    assertThat(opened.get("state").asText()).isEqualTo("approved");
    assertThat(fx.claim(opened, alice).get("token").asText()).isNotBlank();
  }

  @Test
  void aPasscodeTypedWhileThePushWaitsSettlesIt() {
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE).acceptsPasscode("alice", "123456");
    fx.activate(alice, "vault", PHONE, "push");
    JsonNode challenge = fx.post("/api/v1/workspaces/vault/unlock", alice, null).json().get("challenge");
    assertThat(challenge.get("state").asText()).isEqualTo("pending");

    JsonNode opened = fx.post(challenge.at("/links/passcode").asText(), alice, "{\"passcode\":\"123456\"}").json();

    assertThat(opened.get("state").asText()).isEqualTo("approved");
    assertThat(opened.get("settledBy").asText()).isEqualTo("passcode");
    assertThat(fx.claim(opened, alice).get("token").asText()).isNotBlank();
    assertThat(opened.has("links")).isTrue();
    assertThat(opened.at("/links/passcode").isMissingNode()).isTrue();
  }

  @Test
  void aVerifiedPushShowsItsCodeWhileItWaits() {
    fx.clockFollowsRealTime();
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE);
    fx.activate(alice, "vault", PHONE, "push");
    fx.core.duo.requiresVerifiedPush("alice", PHONE).whileWaitingReport(new AuthStatus.Waiting(
        StatusMessage.of("Please enter verification code 708 into Duo Mobile..."),
        Optional.of(new VerificationCode("708"))));
    String self = fx.post("/api/v1/workspaces/vault/unlock", alice, null).json().at("/challenge/links/self").asText();

    JsonNode waiting = fx.get(self + "?waitSeconds=1", alice).json();

    assertThat(waiting.get("state").asText()).isEqualTo("pending");
    assertThat(waiting.get("verificationCode").asText()).isEqualTo("708");
    assertThat(waiting.get("message").asText()).contains("708");
    assertThat(waiting.has("settledBy")).isFalse();
  }

  @Test
  void unlocksWithATypedPasscode() {
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", TOKEN).acceptsPasscode("alice", "CODE1234");
    Response chosen = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + TOKEN.id().value() + "\",\"method\":\"passcode\"}");
    String passcode = chosen.json().at("/challenge/links/passcode").asText();
    assertThat(fx.post(passcode, alice, "{\"passcode\":\"CODE1234\"}").json().get("state").asText())
        .isEqualTo("approved");

    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.json().at("/challenge/state").asText()).isEqualTo("awaiting_passcode");
    JsonNode opened = fx.post(unlock.json().at("/challenge/links/passcode").asText(), alice,
        "{\"passcode\":\"CODE1234\"}").json();
    assertThat(fx.claim(opened, alice).get("kind").asText()).isEqualTo("duo_approved");
    // A finished challenge takes no more passcodes.
    fx.post(unlock.json().at("/challenge/links/self").asText() + "/passcode", alice,
        "{\"passcode\":\"CODE1234\"}").problem(409, "conflict");
  }

  @Test
  void deniedPushStartsACooldown() {
    activeDuo("secure");
    String self = unlockPending();
    fx.core.duo.deny(fx.core.duo.lastTransaction());
    JsonNode denied = fx.get(self + "?waitSeconds=5", alice).json();
    assertThat(denied.get("state").asText()).isEqualTo("denied");
    assertThat(denied.get("denialReason").asText()).isEqualTo("denied");
    assertThat(denied.get("message").asText()).isEqualTo("Login request denied.");
    assertThat(denied.at("/links/poll").isMissingNode()).isTrue();

    Response cooling = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    JsonNode problem = cooling.problem(403, "denied");
    assertThat(problem.get("code").asText()).isEqualTo("cooldown");
    assertThat(problem.get("retryAfter").asText()).isNotBlank();
    assertThat(cooling.header("Retry-After")).endsWith("GMT");

    fx.core.clock.advance(Duration.ofSeconds(31));
    assertThat(fx.post("/api/v1/workspaces/vault/unlock", alice, null).status()).isEqualTo(202);
  }

  @Test
  void fraudReportSuspendsUntilAnAdministratorClearsIt() {
    activeDuo("secure");
    String self = unlockPending();
    fx.core.duo.reportFraud(fx.core.duo.lastTransaction());
    assertThat(fx.get(self + "?waitSeconds=5", alice).json().get("denialReason").asText()).isEqualTo("fraud");

    JsonNode suspended = fx.post("/api/v1/workspaces/vault/unlock", alice, null).problem(403, "denied");
    assertThat(suspended.get("code").asText()).isEqualTo("suspended");
    fx.core.clock.advance(Duration.ofHours(1));
    assertThat(fx.post("/api/v1/workspaces/vault/unlock", alice, null).problem(403, "denied")
        .get("code").asText()).isEqualTo("suspended");

    fx.delete("/api/v1/workspaces/vault/members/alice/suspension", alice).problem(403, "forbidden");
    fx.delete("/api/v1/workspaces/vault/members/alice/suspension", fx.adminToken).problem(403, "step-up-required");
    fx.adminApproval("vault");
    assertThat(fx.delete("/api/v1/workspaces/vault/members/alice/suspension", fx.adminToken).status())
        .isEqualTo(204);
    assertThat(fx.post("/api/v1/workspaces/vault/unlock", alice, null).status()).isEqualTo(202);
    JsonNode audit = fx.get("/api/v1/audit?workspace=vault&limit=100", fx.adminToken).json();
    assertThat(audit.get("events").toString()).contains("\"suspended\"", "\"suspension_cleared\"");
  }

  @Test
  void aSuspensionWhileAPushWaitsIsReportedAsSuspendedNotLockedOut() {
    activeDuo("secure");
    String self = unlockPending();
    // As a fraud report on another of her requests would, while this push still waits.
    fx.core.ports.guards().save(AccessGuard.clear(
        fx.core.ports.workspaces().find(new WorkspaceName("vault")).orElseThrow().id(), new UserName("alice"))
        .afterFraud(fx.core.clock.instant()));
    fx.core.duo.approve(fx.core.duo.lastTransaction());

    JsonNode denied = fx.get(self + "?waitSeconds=5", alice).json();
    assertThat(denied.get("state").asText()).isEqualTo("denied");
    assertThat(denied.get("denialReason").asText()).isEqualTo("suspended");
    assertThat(denied.get("message").asText()).startsWith("Access is suspended after a fraud report");
    assertThat(denied.at("/links/session").isMissingNode()).isTrue();
    JsonNode refused = fx.post("/api/v1/workspaces/vault/unlock", alice, null).problem(403, "denied");
    assertThat(refused.get("code").asText()).isEqualTo("suspended");
    JsonNode events = fx.get("/api/v1/audit?workspace=vault&user=alice&limit=2", fx.adminToken).json().get("events");
    // Newest first: the refused unlock, then the challenge the suspension overtook.
    assertThat(events.at("/0/type").asText()).isEqualTo("access_denied");
    assertThat(events.at("/1/type").asText()).isEqualTo("challenge_denied");
    assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event.get("outcome").asText()).isEqualTo("suspended"));
  }

  @Test
  void pushThatDuoTimesOutIsDeniedWithReasonTimeout() {
    activeDuo("secure");
    String self = unlockPending();
    fx.core.duo.timeOut(fx.core.duo.lastTransaction());
    JsonNode timedOut = fx.get(self + "?waitSeconds=5", alice).json();
    assertThat(timedOut.get("state").asText()).isEqualTo("denied");
    assertThat(timedOut.get("denialReason").asText()).isEqualTo("timeout");
  }

  @Test
  void challengeNobodyAnswersExpires() {
    activeDuo("secure");
    String self = unlockPending();
    fx.core.clock.advance(Duration.ofMinutes(5));
    JsonNode expired = fx.get(self, alice).json();
    assertThat(expired.get("state").asText()).isEqualTo("expired");
    assertThat(expired.get("endCode").asText()).isEqualTo("expired");
    assertThat(expired.get("message").asText()).as("worded here from the code").isEqualTo("The request expired");
  }

  @Test
  void aPasscodePromptANewerRequestReplacedSaysSoFromItsCode() {
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE);
    Response sms = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"sms\"}");
    assertThat(sms.status()).as(sms.body()).isEqualTo(202);
    String abandoned = sms.json().at("/challenge/links/self").asText();

    Response push = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"push\"}");
    assertThat(push.status()).as(push.body()).isEqualTo(202);

    JsonNode superseded = fx.get(abandoned, alice).json();
    assertThat(superseded.get("state").asText()).isEqualTo("denied");
    assertThat(superseded.get("denialReason").asText()).isEqualTo("cancelled");
    assertThat(superseded.get("endCode").asText()).isEqualTo("superseded");
    assertThat(superseded.get("message").asText()).isEqualTo("Superseded by a newer request");
  }

  @Test
  void aChallengeDuoSettledCarriesNoEndCode() {
    activeDuo("secure");
    String self = unlockPending();
    fx.core.duo.deny(fx.core.duo.lastTransaction());
    JsonNode denied = fx.get(self + "?waitSeconds=5", alice).json();
    assertThat(denied.get("state").asText()).isEqualTo("denied");
    assertThat(denied.has("endCode")).isFalse();
  }

  @Test
  void cancelledChallengeCannotBeCancelledTwice() {
    activeDuo("secure");
    String self = unlockPending();
    JsonNode cancelled = fx.delete(self, alice).json();
    assertThat(cancelled.get("state").asText()).isEqualTo("denied");
    assertThat(cancelled.get("denialReason").asText()).isEqualTo("cancelled");
    fx.delete(self, alice).problem(409, "conflict");
  }

  @Test
  void memberWhoMustEnrollIsShownTheEnrollmentUrl() {
    activeDuo("secure");
    fx.core.duo.notEnrolled("alice");
    JsonNode unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null).problem(403, "denied");
    assertThat(unlock.get("code").asText()).isEqualTo("enrollment_required");
    assertThat(unlock.get("enrollmentUrl").asText()).startsWith("https://");
    assertThat(unlock.get("detail").asText()).isEqualTo("You are not enrolled in Duo yet (see enrollmentUrl): Enroll an authentication device to proceed");
    JsonNode devices = fx.get("/api/v1/workspaces/vault/duo/devices", alice).problem(403, "denied");
    assertThat(devices.get("enrollmentUrl").asText()).startsWith("https://");
  }

  @Test
  void duoDenyAtPreauthIsDeniedWithDuosMessage() {
    activeDuo("secure");
    fx.core.duo.lockedOut("alice");
    JsonNode denied = fx.post("/api/v1/workspaces/vault/unlock", alice, null).problem(403, "denied");
    assertThat(denied.get("code").asText()).isEqualTo("duo_denied");
    assertThat(denied.get("detail").asText()).isEqualTo("Duo denied access: Your account is disabled");
  }

  @Test
  void bypassUserIsGrantedWithoutASecondFactor() {
    activeDuo("secure");
    fx.core.duo.bypass("alice");
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.status()).isEqualTo(200);
    assertThat(unlock.json().get("outcome").asText()).isEqualTo("granted");
    assertThat(unlock.json().at("/session/kind").asText()).isEqualTo("duo_bypass");
    assertThat(fx.get("/api/v1/workspaces/vault/duo/devices", alice).json().get("status").asText())
        .isEqualTo("bypass");
    JsonNode choose = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"push\"}").problem(403, "denied");
    assertThat(choose.get("code").asText()).isEqualTo("duo_bypass_user");
  }

  @Test
  void unreachableDuoDeniesUnderSecure() {
    activeDuo("secure");
    fx.core.duo.failAlways(Operation.PREAUTH,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.UNREACHABLE));
    // Unlock answers exactly 200, 202 or 403: secure denies.
    JsonNode denied = fx.post("/api/v1/workspaces/vault/unlock", alice, null).problem(403, "denied");
    assertThat(denied.get("code").asText()).isEqualTo("duo_unavailable");
    assertThat(denied.get("detail").asText()).startsWith("Duo is unavailable");
    // So is verifying a device choice; listing devices stays a Duo problem.
    JsonNode choose = fx.put("/api/v1/workspaces/vault/duo/enrollment", alice,
        "{\"device\":\"" + PHONE.id().value() + "\",\"method\":\"push\"}").problem(403, "denied");
    assertThat(choose.get("code").asText()).isEqualTo("duo_unavailable");
    JsonNode devices = fx.get("/api/v1/workspaces/vault/duo/devices", alice).problem(503, "duo-unavailable");
    assertThat(devices.get("code").asText()).isEqualTo("unavailable");
    assertThat(devices.get("detail").asText()).as("the class in REST's words, then the gateway's report")
        .isEqualTo("Duo is unavailable: simulated UNREACHABLE");
  }

  @Test
  void duoRateLimitingOrRefusingAnUnlockIsDenied() {
    activeDuo("secure");
    Map<SecondFactorRejectedException.Reason, String> codes = Map.of(
        SecondFactorRejectedException.Reason.RATE_LIMITED, "duo_rate_limited",
        SecondFactorRejectedException.Reason.CREDENTIALS_REJECTED, "duo_misconfigured",
        SecondFactorRejectedException.Reason.INTEGRATION_FORBIDDEN, "duo_misconfigured",
        SecondFactorRejectedException.Reason.REQUEST_REJECTED, "duo_request_rejected");
    codes.forEach((reason, code) -> {
      fx.core.duo.failAlways(Operation.PREAUTH, FakeSecondFactorGateway.rejected(reason));
      Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
      JsonNode denied = unlock.problem(403, "denied");
      assertThat(denied.get("code").asText()).as(reason.name()).isEqualTo(code);
      assertThat(denied.get("detail").asText()).as(reason.name()).contains("Duo");
      assertThat(denied.has("retryAfter")).isEqualTo(unlock.header("Retry-After") != null);
      fx.core.duo.heal();
    });
    assertThat(fx.post("/api/v1/workspaces/vault/unlock", alice, null).status()).isEqualTo(202);
  }

  @Test
  void unlockTakesNoFields() {
    JsonNode problem = fx.post("/api/v1/workspaces/vault/unlock", alice, "{\"x\":1}").problem(400, "invalid-input");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("x");
    fx.post("/api/v1/workspaces/vault/unlock", alice, "{").problem(400, "invalid-request");
    fx.post("/api/v1/workspaces/vault/unlock", alice, "[]").problem(400, "invalid-request");
    assertThat(fx.post("/api/v1/workspaces/vault/unlock", alice, "{}").status()).isEqualTo(200);
    assertThat(fx.post("/api/v1/workspaces/vault/unlock", alice, "").status()).isEqualTo(200);
    assertThat(fx.post("/api/v1/workspaces/vault/unlock", alice, null).status()).isEqualTo(200);
  }

  @Test
  void unreachableDuoGrantsUnderSafeAndAuditsIt() {
    activeDuo("safe");
    fx.core.duo.failAlways(Operation.PREAUTH,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.TIMEOUT));
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.status()).isEqualTo(200);
    assertThat(unlock.json().at("/session/kind").asText()).isEqualTo("failsafe");
    JsonNode audit = fx.get("/api/v1/audit?workspace=vault&user=alice", fx.adminToken).json();
    assertThat(audit.get("events").findValuesAsText("type")).contains("failsafe_granted");
  }

  @Test
  void workspaceWithoutMfaOpensDirectly() {
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.status()).isEqualTo(200);
    assertThat(unlock.json().at("/session/kind").asText()).isEqualTo("no_mfa");
    assertThat(unlock.json().at("/session/id").asText()).matches("[A-Za-z0-9_-]{8,64}")
        .isNotEqualTo(unlock.json().at("/session/token").asText());
    fx.get("/api/v1/workspaces/vault/duo/devices", alice).problem(409, "duo-not-configured");
  }

  @Test
  void unlockWithoutAVerifiedDeviceIsDenied() {
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE);
    JsonNode denied = fx.post("/api/v1/workspaces/vault/unlock", alice, null).problem(403, "denied");
    assertThat(denied.get("code").asText()).isEqualTo("no_active_device");
  }

  private void activeDuo(String failmode) {
    fx.configureDuo("vault", failmode);
    fx.core.duo.enrolled("alice", PHONE);
    fx.activate(alice, "vault", PHONE, "push");
  }

  private String unlockPending() {
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    assertThat(unlock.status()).as(unlock.body()).isEqualTo(202);
    return unlock.json().at("/challenge/links/self").asText();
  }

  private static Response join(CompletableFuture<Response> response) {
    try {
      return response.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
