package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.bootstrap.RestNode.Response;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Fault;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The seed's flow and its variants over real HTTP against the real core, the embedded PostgreSQL
 * and the Duo simulator over HTTPS: one node, one data directory and one simulator for the class,
 * one workspace per test. Every log line (Gatehouse's at DEBUG, Duo's wire log included) and every
 * answer is kept; the last test proves the Duo secret key is in none of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestDuoFlowsIT {
  private static final Duration FINAL_WITHIN = Duration.ofSeconds(15);
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  @TempDir
  static Path dataDir;

  private static Level gatehouseLevel;
  private static DuoSimulator duo;
  private static RestNode node;
  private static String admin;
  private static String alice;

  @BeforeAll
  static void startGatehouseAndDuo() {
    captureLogs();
    duo = DuoSimulator.start(Scenario.defaultScenario());
    for (String name : List.of("frank", "fiona", "tim", "root")) {
      duo.control().putUser(Scenario.User.active(name, Scenario.Device.phone(phoneOf(name), "XXX-XXX-0909",
          name + "'s iPhone", "auto", "push", "sms", "phone", "mobile_otp")
          .withPush(Scenario.Reaction.waitForControl())));
    }
    for (String name : List.of("vera", "wanda")) {
      duo.control().putUser(Scenario.User.active(name, Scenario.Device.phone(phoneOf(name), "XXX-XXX-0910",
          name + "'s iPhone", "auto", "push", "mobile_otp").withPush(Scenario.Reaction.waitForControl()))
          .withVerifiedPush());
    }
    duo.control().putUser(Scenario.User.active("pat", Scenario.Device.phone(phoneOf("pat"), "XXX-XXX-0911",
        "pat's iPhone", "auto", "push", "phone", "mobile_otp").withPush(Scenario.Reaction.waitForControl())
        .withPhone(Scenario.Reaction.waitForControl())).withStaticPasscodes("424242"));
    node = RestNode.start(dataDir, duo.writeCaPem(dataDir.resolve("duo-ca.pem")));
    admin = node.firstAdministrator("root");
    alice = node.user(admin, "alice");
  }

  @AfterAll
  static void stopEverything() {
    try {
      if (node != null) {
        node.close();
      }
      if (duo != null) {
        duo.close();
      }
    } finally {
      releaseLogs();
    }
  }

  @Test
  void followsTheSeedFromCheckToEveryUnlockAskingDuoAgain() {
    node.workspace(admin, "seed", "alice");
    // The administrator: Check, then OK (which checks again before saving).
    JsonNode check = node.post("/api/v1/duo/check", admin, duoSettings(null)).expect(200).json();
    assertThat(check.get("result").asText()).isEqualTo("passed");
    JsonNode mfa = node.put("/api/v1/workspaces/seed/mfa", admin, duoSettings(null)).expect(200).json();
    assertThat(mfa.get("type").asText()).isEqualTo("duo");
    assertThat(mfa.get("apiHostname").asText()).isEqualTo(duo.apiHostname());
    assertThat(mfa.get("failmode").asText()).isEqualTo("secure");

    // The member: Settings lists the one device; Use this device, Duo Push, Save.
    JsonNode devices = node.get("/api/v1/workspaces/seed/duo/devices", alice).expect(200).json();
    assertThat(devices.get("status").asText()).isEqualTo("devices");
    assertThat(devices.get("devices")).hasSize(1);
    String phone = devices.at("/devices/0/id").asText();
    assertThat(devices.get("suggested").asText()).isEqualTo(phone);
    assertThat(devices.at("/devices/0/methods").toString()).contains("push", "sms", "phone", "passcode");
    Response chosen = node.put("/api/v1/workspaces/seed/duo/enrollment", alice, selection(phone, "push"))
        .expect(202);
    assertThat(chosen.json().get("outcome").asText()).isEqualTo("verifying");
    JsonNode verifying = chosen.json().get("challenge");
    assertThat(verifying.get("purpose").asText()).isEqualTo("verify_device");
    assertThat(verifying.get("state").asText()).isEqualTo("pending");
    assertThat(chosen.header("Location")).isEqualTo(verifying.at("/links/self").asText());
    assertThat(node.get("/api/v1/workspaces/seed/duo/enrollment", alice).json().get("status").asText())
        .isEqualTo("pending");

    // Save authenticates: alice approves the push on her phone (the simulator, after about a second).
    JsonNode verified = node.awaitFinal(alice, verifying.at("/links/self").asText(), FINAL_WITHIN);
    assertThat(verified.get("state").asText()).isEqualTo("approved");
    assertThat(verified.at("/links/session").isMissingNode()).as("a device verification opens no session").isTrue();
    JsonNode enrollment = node.get("/api/v1/workspaces/seed/duo/enrollment", alice).json();
    assertThat(enrollment.get("status").asText()).isEqualTo("active");
    assertThat(enrollment.at("/active/device").asText()).isEqualTo(phone);
    assertThat(enrollment.at("/active/method").asText()).isEqualTo("push");

    // Every unlock asks Duo again: one preauth each, 202, then the session claimed exactly once.
    for (int round = 0; round < 2; round++) {
      long preauths = requestsOf("/preauth", "alice");
      long auths = requestsOf("/auth", "alice");
      Response unlock = node.post("/api/v1/workspaces/seed/unlock", alice, null).expect(202);
      assertThat(requestsOf("/preauth", "alice")).isEqualTo(preauths + 1);
      assertThat(requestsOf("/auth", "alice")).isEqualTo(auths + 1);
      assertThat(unlock.json().get("outcome").asText()).isEqualTo("pending");
      JsonNode challenge = unlock.json().get("challenge");
      assertThat(challenge.get("purpose").asText()).isEqualTo("unlock");
      assertThat(challenge.get("method").asText()).isEqualTo("push");
      assertThat(challenge.get("message").asText()).isNotBlank();
      String self = challenge.at("/links/self").asText();
      JsonNode approved = node.awaitFinal(alice, self, FINAL_WITHIN);
      assertThat(approved.get("state").asText()).isEqualTo("approved");
      assertThat(approved.has("session")).as("reading never hands out the session").isFalse();
      JsonNode session = node.claim(alice, approved);
      assertThat(session.get("kind").asText()).isEqualTo("duo_approved");
      assertThat(session.get("workspace").asText()).isEqualTo("seed");
      assertThat(session.get("token").asText()).hasSizeGreaterThanOrEqualTo(22);
      JsonNode again = node.get(self + "?waitSeconds=1", alice).expect(200).json();
      assertThat(again.get("state").asText()).isEqualTo("approved");
      assertThat(again.at("/links/session").isMissingNode()).isTrue();
      node.post(approved.at("/links/session").asText(), alice, null).problem(409, "conflict");
    }
  }

  @Test
  void unlocksWithSmsPasscodesDuoSends() {
    node.workspace(admin, "sms", "alice");
    configureDuo("sms", "secure");
    String phone = onlyDevice("sms", alice);
    JsonNode verifying = node.put("/api/v1/workspaces/sms/duo/enrollment", alice, selection(phone, "sms"))
        .expect(202).json().get("challenge");
    assertThat(verifying.get("state").asText()).isEqualTo("awaiting_passcode");
    assertThat(verifying.get("message").asText()).isEqualTo("New SMS passcodes sent.");
    node.post(verifying.at("/links/passcode").asText(), alice, passcode(latestSms(phone))).expect(200);
    assertThat(node.get("/api/v1/workspaces/sms/duo/enrollment", alice).json().at("/active/method").asText())
        .isEqualTo("sms");

    Response unlock = node.post("/api/v1/workspaces/sms/unlock", alice, null).expect(202);
    JsonNode challenge = unlock.json().get("challenge");
    assertThat(challenge.get("method").asText()).isEqualTo("sms");
    assertThat(challenge.get("state").asText()).isEqualTo("awaiting_passcode");
    JsonNode opened = node.post(challenge.at("/links/passcode").asText(), alice, passcode(latestSms(phone)))
        .expect(200).json();
    assertThat(opened.get("state").asText()).isEqualTo("approved");
    JsonNode session = node.claim(alice, opened);
    assertThat(session.get("kind").asText()).isEqualTo("duo_approved");
    assertThat(session.get("token").asText()).isNotBlank();
  }

  @Test
  void unlocksWithAPasscodeAfterAWrongOne() {
    node.workspace(admin, "passcode", "alice");
    configureDuo("passcode", "secure");
    activateWithPasscode("passcode");

    Response unlock = node.post("/api/v1/workspaces/passcode/unlock", alice, null).expect(202);
    JsonNode challenge = unlock.json().get("challenge");
    assertThat(challenge.get("method").asText()).isEqualTo("passcode");
    assertThat(challenge.get("state").asText()).isEqualTo("awaiting_passcode");
    int attempts = challenge.get("remainingPasscodeAttempts").asInt();
    String submit = challenge.at("/links/passcode").asText();
    JsonNode wrong = node.post(submit, alice, passcode("999999")).expect(200).json();
    assertThat(wrong.get("state").asText()).isEqualTo("awaiting_passcode");
    assertThat(wrong.get("remainingPasscodeAttempts").asInt()).isEqualTo(attempts - 1);
    JsonNode opened = node.post(submit, alice, passcode("123456")).expect(200).json();
    assertThat(opened.get("state").asText()).isEqualTo("approved");
    assertThat(node.claim(alice, opened).get("token").asText()).isNotBlank();
  }

  @Test
  void deniedVerifyingPushLeavesNoActiveDevice() {
    String bob = node.user(admin, "bob");
    node.workspace(admin, "deny", "bob");
    configureDuo("deny", "secure");
    String phone = onlyDevice("deny", bob);
    String self = node.put("/api/v1/workspaces/deny/duo/enrollment", bob, selection(phone, "push"))
        .expect(202).json().at("/challenge/links/self").asText();

    JsonNode denied = node.awaitFinal(bob, self, FINAL_WITHIN);
    assertThat(denied.get("state").asText()).isEqualTo("denied");
    assertThat(denied.get("denialReason").asText()).isEqualTo("denied");
    assertThat(denied.get("message").asText()).isEqualTo("Login request denied.");
    assertThat(node.get("/api/v1/workspaces/deny/duo/enrollment", bob).json().get("status").asText())
        .isNotEqualTo("active");
    assertThat(node.post("/api/v1/workspaces/deny/unlock", bob, null).problem(403, "denied").get("code").asText())
        .isEqualTo("no_active_device");
  }

  @Test
  void deniedUnlockPushStartsACooldown() {
    String frank = node.user(admin, "frank");
    node.workspace(admin, "cooldown", "frank");
    configureDuo("cooldown", "secure");
    activateControlledPush("cooldown", "frank", frank);
    String self = unlockPending("cooldown", frank);

    duo.control().deny(duo.control().awaitPending("frank", FINAL_WITHIN).txid());
    JsonNode denied = node.awaitFinal(frank, self, FINAL_WITHIN);
    assertThat(denied.get("state").asText()).isEqualTo("denied");
    assertThat(denied.get("denialReason").asText()).isEqualTo("denied");
    assertThat(denied.at("/links/session").isMissingNode()).isTrue();
    Response cooling = node.post("/api/v1/workspaces/cooldown/unlock", frank, null);
    assertThat(cooling.problem(403, "denied").get("code").asText()).isEqualTo("cooldown");
    assertThat(cooling.header("Retry-After")).isNotBlank();
  }

  @Test
  void fraudReportSuspendsUntilAnAdministratorClearsIt() {
    String fiona = node.user(admin, "fiona");
    node.workspace(admin, "fraud", "fiona");
    configureDuo("fraud", "secure");
    activateControlledPush("fraud", "fiona", fiona);
    String self = unlockPending("fraud", fiona);

    duo.control().reportFraud(duo.control().awaitPending("fiona", FINAL_WITHIN).txid());
    JsonNode reported = node.awaitFinal(fiona, self, FINAL_WITHIN);
    assertThat(reported.get("state").asText()).isEqualTo("denied");
    assertThat(reported.get("denialReason").asText()).isEqualTo("fraud");
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThat(node.post("/api/v1/workspaces/fraud/unlock", fiona, null).problem(403, "denied")
          .get("code").asText()).isEqualTo("suspended");
    }

    node.delete("/api/v1/workspaces/fraud/members/fiona/suspension", fiona).problem(403, "forbidden");
    node.delete("/api/v1/workspaces/fraud/members/fiona/suspension", admin).problem(403, "step-up-required");
    // root's own fresh Duo approval for the workspace
    node.put("/api/v1/workspaces/fraud/members/root", admin, null).expect(200);
    activateControlledPush("fraud", "root", admin);
    String rootsUnlock = unlockPending("fraud", admin);
    duo.control().approve(duo.control().awaitPending("root", FINAL_WITHIN).txid());
    node.claim(admin, node.awaitFinal(admin, rootsUnlock, FINAL_WITHIN));
    node.delete("/api/v1/workspaces/fraud/members/fiona/suspension", admin).expect(204);
    String next = unlockPending("fraud", fiona);
    node.delete(next, fiona).expect(200);
    JsonNode audit = node.get("/api/v1/audit?workspace=fraud&limit=100", admin).expect(200).json();
    assertThat(audit.get("events").findValuesAsText("type")).contains("suspended", "suspension_cleared");
  }

  @Test
  void pushDuoTimesOutIsDeniedWithReasonTimeout() {
    String tim = node.user(admin, "tim");
    node.workspace(admin, "timeout", "tim");
    configureDuo("timeout", "secure");
    activateControlledPush("timeout", "tim", tim);
    String self = unlockPending("timeout", tim);

    duo.control().timeOut(duo.control().awaitPending("tim", FINAL_WITHIN).txid());
    JsonNode timedOut = node.awaitFinal(tim, self, FINAL_WITHIN);
    assertThat(timedOut.get("state").asText()).isEqualTo("denied");
    assertThat(timedOut.get("denialReason").asText()).isEqualTo("timeout");
    assertThat(timedOut.at("/links/session").isMissingNode()).isTrue();
  }

  @Test
  void memberWhoMustEnrollIsShownDuosEnrollmentUrl() {
    String dave = node.user(admin, "dave");
    node.workspace(admin, "enroll", "dave");
    configureDuo("enroll", "secure");

    JsonNode devices = node.get("/api/v1/workspaces/enroll/duo/devices", dave).problem(403, "denied");
    assertThat(devices.get("code").asText()).isEqualTo("enrollment_required");
    assertThat(devices.get("enrollmentUrl").asText()).startsWith("https://");
    JsonNode unlock = node.post("/api/v1/workspaces/enroll/unlock", dave, null).problem(403, "denied");
    assertThat(unlock.get("code").asText()).isEqualTo("enrollment_required");
    // Duo issues a fresh activation code with every preauth.
    assertThat(unlock.get("enrollmentUrl").asText()).startsWith("https://" + duo.apiHostname() + "/portal?code=");
  }

  @Test
  void memberDuoDeniesAtPreauthIsDeniedWithDuosMessage() {
    String carol = node.user(admin, "carol");
    node.workspace(admin, "lockedout", "carol");
    configureDuo("lockedout", "secure");

    JsonNode devices = node.get("/api/v1/workspaces/lockedout/duo/devices", carol).problem(403, "denied");
    assertThat(devices.get("code").asText()).isEqualTo("duo_denied");
    assertThat(devices.get("detail").asText()).isNotBlank();
    JsonNode unlock = node.post("/api/v1/workspaces/lockedout/unlock", carol, null).problem(403, "denied");
    assertThat(unlock.get("code").asText()).isEqualTo("duo_denied");
    assertThat(unlock.get("detail").asText()).isEqualTo(devices.get("detail").asText());
  }

  @Test
  void bypassUserIsGrantedWithoutASecondFactor() {
    String erin = node.user(admin, "erin");
    node.workspace(admin, "bypass", "erin");
    configureDuo("bypass", "secure");

    assertThat(node.get("/api/v1/workspaces/bypass/duo/devices", erin).expect(200).json().get("status").asText())
        .isEqualTo("bypass");
    Response unlock = node.post("/api/v1/workspaces/bypass/unlock", erin, null).expect(200);
    assertThat(unlock.json().get("outcome").asText()).isEqualTo("granted");
    assertThat(unlock.json().at("/session/kind").asText()).isEqualTo("duo_bypass");
    assertThat(unlock.json().at("/session/token").asText()).isNotBlank();
    JsonNode audit = node.get("/api/v1/audit?workspace=bypass&user=erin", admin).expect(200).json();
    assertThat(audit.get("events").findValuesAsText("type")).contains("duo_bypass");
  }

  @Test
  void unreachableDuoDeniesUnderSecure() {
    node.workspace(admin, "outage-secure", "alice");
    configureDuo("outage-secure", "secure");
    activateWithPasscode("outage-secure");

    duo.control().injectFault(Fault.dropConnection("*", -1));
    try {
      JsonNode denied = node.post("/api/v1/workspaces/outage-secure/unlock", alice, null)
          .problem(403, "denied");
      assertThat(denied.get("code").asText()).isEqualTo("duo_unavailable");
    } finally {
      duo.control().clearFaults();
    }
    JsonNode audit = node.get("/api/v1/audit?workspace=outage-secure&user=alice", admin).expect(200).json();
    assertThat(audit.get("events").findValuesAsText("type")).doesNotContain("failsafe_granted");
  }

  @Test
  void unreachableDuoGrantsUnderSafeAndAuditsIt() {
    node.workspace(admin, "outage-safe", "alice");
    configureDuo("outage-safe", "safe");
    activateWithPasscode("outage-safe");

    duo.control().injectFault(Fault.serverError("*", 503, -1));
    try {
      Response unlock = node.post("/api/v1/workspaces/outage-safe/unlock", alice, null).expect(200);
      assertThat(unlock.json().get("outcome").asText()).isEqualTo("granted");
      assertThat(unlock.json().at("/session/kind").asText()).isEqualTo("failsafe");
    } finally {
      duo.control().clearFaults();
    }
    JsonNode audit = node.get("/api/v1/audit?workspace=outage-safe&user=alice", admin).expect(200).json();
    assertThat(audit.get("events").findValuesAsText("type")).contains("failsafe_granted");
  }

  // ---- Verified Duo Push; push or passcode, whichever comes first ------------------------------------

  @Test
  void verifiedPushShowsItsCodeAndIsApprovedWithIt() {
    String vera = node.user(admin, "vera");
    node.workspace(admin, "verified", "vera");
    configureDuo("verified", "secure");
    activateVerifiedPush("verified", "vera", vera);
    String self = unlockPending("verified", vera);

    JsonNode waiting = awaitVerificationCode(vera, self);
    String code = waiting.get("verificationCode").asText();
    String txid = duo.control().awaitPending("vera", FINAL_WITHIN).txid();
    assertThat(duo.control().transaction(txid).orElseThrow().verificationCode()).isEqualTo(code);
    assertThat(waiting.get("message").asText()).contains(code);
    assertThat(duo.control().requests()).filteredOn(r -> r.path().endsWith("/auth") && txid.equals(r.param("txid")))
        .hasSize(1);

    duo.control().enterVerificationCode(txid, code);
    JsonNode approved = node.awaitFinal(vera, self, FINAL_WITHIN);
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    assertThat(approved.get("settledBy").asText()).isEqualTo("push");
    assertThat(approved.has("verificationCode")).isFalse();
    assertThat(node.claim(vera, approved).get("kind").asText()).isEqualTo("duo_approved");
    JsonNode audit = node.get("/api/v1/audit?workspace=verified&user=vera&limit=100", admin).expect(200).json();
    assertThat(audit.get("events")).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("challenge_approved");
      assertThat(e.get("method").asText()).isEqualTo("push");
      assertThat(e.get("duoTransaction").asText()).isEqualTo(txid);
    });
    assertThat(audit.toString()).doesNotContain("verification code").doesNotContain("\"" + code + "\"");
  }

  @Test
  void verifiedPushWithAWrongCodeIsDenied() {
    String wanda = node.user(admin, "wanda");
    node.workspace(admin, "verified-wrong", "wanda");
    configureDuo("verified-wrong", "secure");
    activateVerifiedPush("verified-wrong", "wanda", wanda);
    String self = unlockPending("verified-wrong", wanda);
    String code = awaitVerificationCode(wanda, self).get("verificationCode").asText();

    duo.control().enterVerificationCode(duo.control().awaitPending("wanda", FINAL_WITHIN).txid(),
        code.equals("000") ? "111" : "000");
    JsonNode denied = node.awaitFinal(wanda, self, FINAL_WITHIN);
    assertThat(denied.get("state").asText()).isEqualTo("denied");
    assertThat(denied.get("denialReason").asText()).isEqualTo("denied");
    assertThat(denied.at("/links/session").isMissingNode()).isTrue();
  }

  @Test
  void aPasscodeTypedWhileThePushWaitsWins() {
    String pat = node.user(admin, "pat");
    node.workspace(admin, "either", "pat");
    configureDuo("either", "secure");
    activateControlledPush("either", "pat", pat);
    JsonNode challenge = node.post("/api/v1/workspaces/either/unlock", pat, null).expect(202).json()
        .get("challenge");
    assertThat(challenge.get("state").asText()).isEqualTo("pending");
    String txid = duo.control().awaitPending("pat", FINAL_WITHIN).txid();

    JsonNode wrong = node.post(challenge.at("/links/passcode").asText(), pat, passcode("999999")).expect(200).json();
    assertThat(wrong.get("state").asText()).isEqualTo("pending");
    JsonNode opened = node.post(challenge.at("/links/passcode").asText(), pat, passcode("424242")).expect(200).json();

    assertThat(opened.get("state").asText()).isEqualTo("approved");
    assertThat(opened.get("settledBy").asText()).isEqualTo("passcode");
    assertThat(node.claim(pat, opened).get("kind").asText()).isEqualTo("duo_approved");
    // The push answered afterwards changes nothing: the passcode settled the challenge once.
    duo.control().deny(txid);
    JsonNode later = node.get(challenge.at("/links/self").asText() + "?waitSeconds=1", pat).expect(200).json();
    assertThat(later.get("state").asText()).isEqualTo("approved");
    JsonNode audit = node.get("/api/v1/audit?workspace=either&user=pat&limit=100", admin).expect(200).json();
    List<String> settled = new ArrayList<>();
    audit.get("events").forEach(e -> {
      if (e.get("type").asText().startsWith("challenge_") && !e.get("type").asText().equals("challenge_started")) {
        settled.add(e.get("type").asText() + "/" + e.get("method").asText());
      }
    });
    // Newest first: the unlock settled by the passcode, then the device verification settled by the push.
    assertThat(settled).containsExactly("challenge_approved/passcode", "challenge_approved/push");
    assertThat(node.post("/api/v1/workspaces/either/unlock", pat, null).status()).isNotEqualTo(403);
  }

  /** Runs last: what every earlier test sent back and logged, plus the requests most likely to echo a secret. */
  @Test
  @Order(Integer.MAX_VALUE)
  void secretKeyIsInNoAnswerAndNoLogLine() {
    String wrongSecret = "W".repeat(40);
    node.workspace(admin, "hygiene", "alice");
    node.post("/api/v1/duo/check", admin, duoSettings(null).replace(duo.secretKey(), wrongSecret)).expect(200);
    node.put("/api/v1/workspaces/hygiene/mfa", admin, duoSettings(null).replace(duo.secretKey(), wrongSecret))
        .expect(502);
    node.put("/api/v1/workspaces/hygiene/mfa", admin,
        "{\"apiHostname\":\"bad host\",\"integrationKey\":\"x\",\"secretKey\":\"" + duo.secretKey() + "\"}")
        .expect(400);
    node.put("/api/v1/workspaces/hygiene/mfa", admin, "{\"secretKey\":\"" + duo.secretKey() + "\",\"x\":1}")
        .expect(400);
    node.put("/api/v1/workspaces/hygiene/mfa", admin, "{\"secretKey\":\"" + duo.secretKey() + "\" oops")
        .expect(400);
    node.put("/api/v1/workspaces/hygiene/mfa", alice, duoSettings(null)).expect(403);
    configureDuo("hygiene", "secure");
    node.get("/api/v1/workspaces/hygiene/mfa", admin).expect(200);
    node.get("/api/v1/workspaces/hygiene", alice).expect(200);
    node.get("/api/v1/workspaces", admin).expect(200);
    node.get("/api/v1/audit?limit=1000", admin).expect(200);

    assertThat(node.answers()).hasSizeGreaterThan(10).allSatisfy(answer -> assertThat(answer.everything())
        .as(answer.request()).doesNotContain(duo.secretKey()).doesNotContain(wrongSecret));
    assertThat(LOGS.list).isNotEmpty();
    // The access log and Duo's wire log (DEBUG) were both captured, so the check below means something.
    assertThat(LOGS.list).extracting(ILoggingEvent::getLoggerName)
        .anyMatch(name -> name.startsWith("dev.gatehouse.adapter.rest"))
        .anyMatch(name -> name.startsWith("dev.gatehouse.adapter.duo"));
    assertThat(LOGS.list).allSatisfy(event -> assertThat(line(event))
        .doesNotContain(duo.secretKey()).doesNotContain(wrongSecret).doesNotContain(admin)
        .doesNotContain(alice));
    // Verified Duo Push codes were shown (earlier tests) but never logged, not even in Duo's wire log.
    List<String> codes = duo.control().transactions().stream()
        .map(dev.gatehouse.duosim.TransactionInfo::verificationCode).filter(c -> c != null).toList();
    assertThat(codes).isNotEmpty();
    assertThat(LOGS.list).allSatisfy(event -> assertThat(line(event)).doesNotContainPattern(
        "(?i)verification\\W{1,3}code\\W{0,3}\\d").doesNotContain("\"verificationCode\""));
  }

  // ---- steps -------------------------------------------------------------------------------------

  private static void configureDuo(String workspace, String failmode) {
    node.put("/api/v1/workspaces/" + workspace + "/mfa", admin, duoSettings(failmode)).expect(200);
  }

  private static String duoSettings(String failmode) {
    return "{\"apiHostname\":\"" + duo.apiHostname() + "\",\"integrationKey\":\"" + duo.integrationKey()
        + "\",\"secretKey\":\"" + duo.secretKey() + "\""
        + (failmode == null ? "" : ",\"failmode\":\"" + failmode + "\"") + "}";
  }

  private static String onlyDevice(String workspace, String token) {
    JsonNode devices = node.get("/api/v1/workspaces/" + workspace + "/duo/devices", token).expect(200).json();
    assertThat(devices.get("devices")).hasSize(1);
    return devices.at("/devices/0/id").asText();
  }

  /** Alice chooses her phone with typed passcodes and activates it with her static passcode: no waiting. */
  private static void activateWithPasscode(String workspace) {
    String phone = onlyDevice(workspace, alice);
    JsonNode verifying = node.put("/api/v1/workspaces/" + workspace + "/duo/enrollment", alice,
        selection(phone, "passcode")).expect(202).json().get("challenge");
    JsonNode verified = node.post(verifying.at("/links/passcode").asText(), alice, passcode("123456"))
        .expect(200).json();
    assertThat(verified.get("state").asText()).isEqualTo("approved");
  }

  /** A member whose pushes wait for the simulator's control chooses push; the verifying push is approved there. */
  private static void activateControlledPush(String workspace, String duoUser, String token) {
    String self = node.put("/api/v1/workspaces/" + workspace + "/duo/enrollment", token,
        selection(phoneOf(duoUser), "push")).expect(202).json().at("/challenge/links/self").asText();
    duo.control().approve(duo.control().awaitPending(duoUser, FINAL_WITHIN).txid());
    assertThat(node.awaitFinal(token, self, FINAL_WITHIN).get("state").asText()).isEqualTo("approved");
  }

  /** The member chooses push; the verifying Verified Duo Push is approved with its code. */
  private static void activateVerifiedPush(String workspace, String duoUser, String token) {
    String phone = phoneOf(duoUser);
    String self = node.put("/api/v1/workspaces/" + workspace + "/duo/enrollment", token, selection(phone, "push"))
        .expect(202).json().at("/challenge/links/self").asText();
    String code = awaitVerificationCode(token, self).get("verificationCode").asText();
    duo.control().enterVerificationCode(duo.control().awaitPending(duoUser, FINAL_WITHIN).txid(), code);
    assertThat(node.awaitFinal(token, self, FINAL_WITHIN).get("state").asText()).isEqualTo("approved");
  }

  /** Long-polls a pending challenge until Duo's status carries the Verified Duo Push's code. */
  private static JsonNode awaitVerificationCode(String token, String self) {
    long deadline = System.nanoTime() + FINAL_WITHIN.toNanos();
    while (true) {
      JsonNode challenge = node.get(self + "?waitSeconds=2", token).expect(200).json();
      if (challenge.hasNonNull("verificationCode") || System.nanoTime() > deadline) {
        assertThat(challenge.get("state").asText()).isEqualTo("pending");
        assertThat(challenge.get("verificationCode").asText()).matches("\\d{3}");
        return challenge;
      }
    }
  }

  private static String unlockPending(String workspace, String token) {
    Response unlock = node.post("/api/v1/workspaces/" + workspace + "/unlock", token, null).expect(202);
    return unlock.json().at("/challenge/links/self").asText();
  }

  private static String latestSms(String deviceId) {
    List<String> batch = duo.control().smsBatch(deviceId);
    assertThat(batch).as("SMS passcodes sent to " + deviceId).isNotEmpty();
    return batch.get(0);
  }

  /** How many requests to an Auth API endpoint ({@code /preauth}, {@code /auth}) Duo has had for a user. */
  private static long requestsOf(String endpoint, String username) {
    return duo.control().requests().stream()
        .filter(r -> r.path().endsWith(endpoint) && username.equals(r.param("username"))).count();
  }

  private static String selection(String device, String method) {
    return "{\"device\":\"" + device + "\",\"method\":\"" + method + "\"}";
  }

  private static String passcode(String code) {
    return "{\"passcode\":\"" + code + "\"}";
  }

  private static String phoneOf(String name) {
    return ("DP" + name.toUpperCase() + "00000000000000000000").substring(0, 20);
  }

  // ---- logs --------------------------------------------------------------------------------------

  /**
   * Keeps every event that reaches the root logger, with Gatehouse's own loggers at DEBUG; the
   * console keeps showing WARN and above only.
   */
  private static void captureLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      ThresholdFilter warn = new ThresholdFilter();
      warn.setLevel("WARN");
      warn.start();
      it.next().addFilter(warn);
    }
    Logger gatehouse = context.getLogger("dev.gatehouse");
    gatehouseLevel = gatehouse.getLevel();
    gatehouse.setLevel(Level.DEBUG);
    LOGS.start();
    root.addAppender(LOGS);
  }

  private static void releaseLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(LOGS);
    LOGS.stop();
    context.getLogger("dev.gatehouse").setLevel(gatehouseLevel);
    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(appenders::add);
    appenders.forEach(Appender::clearAllFilters);
  }

  private static String line(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    return event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
        + (thrown == null ? "" : " " + ThrowableProxyUtil.asString(thrown));
  }
}
