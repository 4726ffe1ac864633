package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoints, envelopes, error codes and scripted outcomes over HTTPS. */
class AuthApiIT {

  static final String ADMIN_IKEY = "DIADMIN0000000000001";
  static final String ADMIN_SKEY = "adminsecretadminsecretadminsecretadminse";

  DuoSimulator sim;
  DuoTestClient client;

  static Scenario scenario() {
    Scenario.Device patPhone = Scenario.Device.phone("DPPAT000000000000001", "XXX-XXX-1111", "Pat's phone",
        "auto", "push", "sms", "phone", "mobile_otp").withPush(Scenario.Reaction.waitForControl());
    return Scenario.builder()
        .integration(new Scenario.Integration(ADMIN_IKEY, ADMIN_SKEY, "admin_api"))
        .integration(Scenario.Integration.randomAuthApi())
        .user(Scenario.User.active("pat", patPhone).withPasscodes("111111").withBypassCodes("999999"))
        .user(Scenario.User.active("tok", Scenario.Device.token("DHTOK000000000000001", "20361492", "555555")))
        .user(Scenario.User.active("smsonly", Scenario.Device.phone("DPSMS000000000000001", "XXX-XXX-2222", "",
            "sms")))
        .user(Scenario.User.active("quick", Scenario.Device.phone("DPQUICK0000000000001", "", "iOS", "auto", "push")
            .withPush(Scenario.Reaction.approveAfter(Duration.ofMillis(100)))))
        .user(Scenario.User.active("fraud", Scenario.Device.phone("DPFRAUD0000000000001", "", "", "push")
            .withPush(new Scenario.Reaction(Scenario.Outcome.FRAUD, Duration.ofMillis(50)))))
        .user(Scenario.User.active("lazy", Scenario.Device.phone("DPLAZY00000000000001", "", "", "push")
            .withPush(new Scenario.Reaction(Scenario.Outcome.TIMEOUT, Duration.ofMillis(50)))))
        .user(Scenario.User.active("lock", Scenario.Device.phone("DPLOCK00000000000001", "", "", "push")
            .withPush(new Scenario.Reaction(Scenario.Outcome.LOCKED_OUT, Duration.ofMillis(50)))))
        .user(Scenario.User.active("caller", Scenario.Device.phone("DPCALL00000000000001", "XXX-XXX-3333", "", "phone")
            .withPhone(Scenario.Reaction.approveAfter(Duration.ofMillis(300)))))
        .user(Scenario.User.active("weak", Scenario.Device.phone("DPWEAK00000000000001", "", "", "push")))
        .trustedNetwork("10.1.0.0/16")
        .rememberDevicesSeconds(3600)
        .lockoutThreshold(3)
        .build();
  }

  @BeforeEach
  void start() {
    sim = DuoSimulator.start(scenario());
    client = new DuoTestClient(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  // ---- signing and envelopes

  @Test
  void pingNeedsNoSignature() {
    DuoTestClient.Response r = client.raw(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/auth/v2/ping")).build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("stat").asText()).isEqualTo("OK");
    assertThat(r.response().get("time").asLong()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
  }

  @Test
  void checkWithoutCredentialsIs40101() {
    DuoTestClient.Response r = client.raw(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/auth/v2/check")).build());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo(40101);
    assertThat(r.json().get("stat").asText()).isEqualTo("FAIL");
  }

  @Test
  void everySignatureVersionIsAcceptedAndLogged() {
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
    client.sha1();
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
    client.version = 1;
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
    client.version = 4;
    client.algorithm = "HmacSHA512";
    assertThat(client.post("/auth/v2/preauth", "username", "pat").status()).isEqualTo(200);
    client.v5().extraDuoHeaders.put("X-Duo-Trace", "abc");
    client.useXDuoDate = true;
    assertThat(client.post("/auth/v2/preauth", "username", "pat").status()).isEqualTo(200);

    assertThat(sim.control().requests()).extracting(LoggedRequest::signatureVersion)
        .containsExactly("v2-sha512", "v2-sha1", "v1-sha1", "v4", "v5");
  }

  @Test
  void hostMayBeSignedWithOrWithoutPort() {
    client.signingHost = "127.0.0.1:" + sim.port();
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
    client.signingHost = "127.0.0.1";
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
  }

  @Test
  void signingAnotherHostIs40103() {
    client.signingHost = "api-elsewhere.duosecurity.com";
    DuoTestClient.Response r = client.get("/auth/v2/check");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo(40103);
    assertThat(r.json().get("message").asText()).isEqualTo("Invalid signature in request credentials");
  }

  @Test
  void wrongSecretKeyIs40103AndUnknownKeyIs40102() {
    client.skey = "x".repeat(40);
    assertThat(client.get("/auth/v2/check").code()).isEqualTo(40103);
    client.ikey = "DINOSUCHKEY000000000";
    DuoTestClient.Response r = client.get("/auth/v2/check");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo(40102);
  }

  @Test
  void nonAuthApiIntegrationIs40301() {
    client.ikey = ADMIN_IKEY;
    client.skey = ADMIN_SKEY;
    DuoTestClient.Response r = client.get("/auth/v2/check");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo(40301);
    assertThat(r.json().get("message").asText()).isEqualTo("Access forbidden");
    assertThat(r.json().get("message_detail").asText()).isEqualTo("Wrong integration type for this API.");
  }

  @Test
  void shiftedClockPutsRequestsOutsideTheDateWindow() {
    sim.control().shiftClock(Duration.ofMinutes(10));
    DuoTestClient.Response r = client.get("/auth/v2/check");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo(40105);
    long pinged = client.get("/auth/v2/ping").response().get("time").asLong();
    assertThat(pinged - System.currentTimeMillis() / 1000).isBetween(540L, 660L);

    sim.control().shiftClock(Duration.ofMinutes(-10));
    assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
  }

  @Test
  void missingLogoIs404WithJsonError() {
    DuoTestClient.Response r = client.get("/auth/v2/logo");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo(40401);
  }

  @Test
  void unknownPathIs404() {
    DuoTestClient.Response r = client.get("/auth/v2/nothing_here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo(40401);
  }

  // ---- preauth

  @Test
  void preauthNeedsExactlyOneIdentity() {
    DuoTestClient.Response missing = client.post("/auth/v2/preauth");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.code()).isEqualTo(40001);
    assertThat(client.post("/auth/v2/preauth", "username", "pat", "user_id", "DUX").code()).isEqualTo(40002);
    DuoTestClient.Response unknownId = client.post("/auth/v2/preauth", "user_id", "DUNOSUCHUSER00000000");
    assertThat(unknownId.code()).isEqualTo(40002);
    assertThat(unknownId.json().get("message_detail").asText()).isEqualTo("user_id");
  }

  @Test
  void preauthByUserIdAndUnknownUsernameEnrolls() {
    String userId = Scenario.User.active("pat").userId();
    assertThat(client.post("/auth/v2/preauth", "user_id", userId).response().get("result").asText()).isEqualTo("auth");
    JsonNode unknown = client.post("/auth/v2/preauth", "username", "stranger").response();
    assertThat(unknown.get("result").asText()).isEqualTo("enroll");
    assertThat(unknown.has("enroll_portal_url")).isTrue();
  }

  @Test
  void hardwareTokenHasNoCapabilities() {
    JsonNode device = client.post("/auth/v2/preauth", "username", "tok").response().get("devices").get(0);
    assertThat(device.get("type").asText()).isEqualTo("token");
    assertThat(device.get("device").asText()).isEqualTo("DHTOK000000000000001");
    assertThat(device.get("name").asText()).isEqualTo("20361492");
    assertThat(device.has("capabilities")).isFalse();
  }

  @Test
  void trustedNetworkAllows() {
    assertThat(client.post("/auth/v2/preauth", "username", "pat", "ipaddr", "10.1.2.3").response().get("result")
        .asText()).isEqualTo("allow");
    assertThat(client.post("/auth/v2/preauth", "username", "pat", "ipaddr", "10.2.2.3").response().get("result")
        .asText()).isEqualTo("auth");
  }

  @Test
  void rememberedDeviceTokenAllows() {
    JsonNode allowed = client.post("/auth/v2/auth", "username", "pat", "factor", "passcode", "passcode", "111111")
        .response();
    String token = allowed.get("trusted_device_token").asText();
    assertThat(client.post("/auth/v2/preauth", "username", "pat", "trusted_device_token", token).response()
        .get("result").asText()).isEqualTo("allow");
    assertThat(client.post("/auth/v2/preauth", "username", "tok", "trusted_device_token", token).response()
        .get("result").asText()).isEqualTo("auth");
  }

  @Test
  void textPromptListsFactorsAndPromptFactorUsesThem() {
    JsonNode prompt = client.post("/auth/v2/preauth", "username", "quick", "text_prompt", "1").response().get("prompt");
    assertThat(prompt.get("text").asText()).startsWith("Duo login for quick").contains("1. Duo Push");
    assertThat(prompt.get("factors").get("default").asText()).isEqualTo("push1");

    JsonNode viaMenu = client.post("/auth/v2/auth", "username", "quick", "factor", "prompt", "prompt", "push1")
        .response();
    assertThat(viaMenu.get("result").asText()).isEqualTo("allow");
    JsonNode viaPasscode = client.post("/auth/v2/auth", "username", "pat", "factor", "prompt", "prompt", "111111")
        .response();
    assertThat(viaPasscode.get("result").asText()).isEqualTo("allow");
  }

  // ---- auth: passcodes and SMS

  @Test
  void oneTimePasscodesAndBypassCodesWorkOnce() {
    assertThat(passcode("pat", "111111").get("result").asText()).isEqualTo("allow");
    JsonNode again = passcode("pat", "111111");
    assertThat(again.get("result").asText()).isEqualTo("deny");
    assertThat(again.get("status_msg").asText()).isEqualTo("Incorrect passcode. Please try again.");
    assertThat(passcode("pat", "999999").get("result").asText()).isEqualTo("allow");
    assertThat(passcode("pat", "999999").get("result").asText()).isEqualTo("deny");
    assertThat(passcode("tok", "555555").get("result").asText()).isEqualTo("allow");
  }

  @Test
  void smsSendsABatchThatWorksAsPasscodes() {
    JsonNode sent = client.post("/auth/v2/auth", "username", "pat", "factor", "sms", "device", "auto").response();
    assertThat(sent.get("result").asText()).isEqualTo("deny");
    assertThat(sent.get("status").asText()).isEqualTo("sent");
    assertThat(sent.get("status_msg").asText()).isEqualTo("New SMS passcodes sent.");
    List<String> batch = sim.control().smsBatch("DPPAT000000000000001");
    assertThat(batch).hasSize(10);
    assertThat(preauthDevice("pat").get("sms_nextcode").asText()).isEqualTo("1");

    assertThat(passcode("pat", batch.get(2)).get("result").asText()).isEqualTo("allow");
    assertThat(passcode("pat", batch.get(1)).get("result").asText()).isEqualTo("deny");
    assertThat(preauthDevice("pat").get("sms_nextcode").asText()).isEqualTo("4");
  }

  @Test
  void noCapableDeviceIs400() {
    DuoTestClient.Response push = client.post("/auth/v2/auth", "username", "tok", "factor", "push", "device", "auto");
    assertThat(push.status()).isEqualTo(400);
    assertThat(push.code()).isEqualTo(40002);
    assertThat(push.json().get("message").asText()).isEqualTo("Invalid request parameters");
    assertThat(push.json().get("message_detail").asText()).isEqualTo("no capable device");
    DuoTestClient.Response sms = client.post("/auth/v2/auth", "username", "quick", "factor", "sms", "device", "auto");
    assertThat(sms.json().get("message_detail").asText()).isEqualTo("no capable device");
    DuoTestClient.Response notHers =
        client.post("/auth/v2/auth", "username", "quick", "factor", "push", "device", "DPPAT000000000000001");
    assertThat(notHers.json().get("message_detail").asText()).isEqualTo("device");
  }

  @Test
  void authParameterErrors() {
    assertThat(client.post("/auth/v2/auth", "username", "pat").code()).isEqualTo(40001);
    assertThat(client.post("/auth/v2/auth", "username", "pat", "factor", "carrier_pigeon").code()).isEqualTo(40002);
    assertThat(client.post("/auth/v2/auth", "username", "pat", "factor", "passcode").code()).isEqualTo(40001);
    assertThat(client.post("/auth/v2/auth", "username", "nobody", "factor", "auto").code()).isEqualTo(40002);
  }

  @Test
  void repeatedFailuresLockTheUserOut() {
    passcode("weak", "1");
    passcode("weak", "2");
    JsonNode third = passcode("weak", "3");
    assertThat(third.get("status").asText()).isEqualTo("locked_out");
    assertThat(client.post("/auth/v2/preauth", "username", "weak").response().get("result").asText())
        .isEqualTo("deny");
  }

  // ---- transactions

  @Test
  void asyncPushLongPollsUntilApproved() throws Exception {
    String txid = client.post("/auth/v2/auth", "username", "pat", "factor", "push", "device", "auto", "async", "1",
        "type", "Transfer", "display_username", "Pat \u00dc", "pushinfo", "from=login%20portal&domain=example.com")
        .response().get("txid").asText();

    JsonNode first = client.get("/auth/v2/auth_status", "txid", txid).response();
    assertThat(first.get("result").asText()).isEqualTo("waiting");
    assertThat(first.get("status").asText()).isEqualTo("pushed");
    assertThat(first.get("auth_delayed").asBoolean()).isFalse();

    CompletableFuture<DuoTestClient.Response> parked =
        CompletableFuture.supplyAsync(() -> client.get("/auth/v2/auth_status", "txid", txid));
    awaitParked(1);
    assertThat(parked).isNotDone();
    assertThat(sim.control().approve(txid)).isTrue();

    JsonNode done = parked.get(20, TimeUnit.SECONDS).response();
    assertThat(done.get("result").asText()).isEqualTo("allow");
    assertThat(done.get("status").asText()).isEqualTo("allow");
    assertThat(done.has("trusted_device_token")).isTrue();
    assertThat(client.get("/auth/v2/auth_status", "txid", txid).response().get("result").asText()).isEqualTo("allow");

    PushNotification push = sim.control().inbox("DPPAT000000000000001").get(0);
    assertThat(push.type()).isEqualTo("Transfer");
    assertThat(push.displayUsername()).isEqualTo("Pat \u00dc");
    assertThat(push.pushinfo()).isEqualTo("from=login%20portal&domain=example.com");
    assertThat(push.pushinfoFields()).containsEntry("from", List.of("login portal"));
    LoggedRequest logged = sim.control().requests().get(0);
    assertThat(logged.param("display_username")).isEqualTo("Pat \u00dc");
    assertThat(logged.param("pushinfo")).isEqualTo("from=login%20portal&domain=example.com");
  }

  @Test
  void syncPushWaitsForAControlDecision() throws Exception {
    CompletableFuture<DuoTestClient.Response> pending = CompletableFuture.supplyAsync(
        () -> client.post("/auth/v2/auth", "username", "pat", "factor", "auto"));
    TransactionInfo tx = sim.control().awaitPending("pat", Duration.ofSeconds(20));
    sim.control().deny(tx.txid());

    JsonNode r = pending.get(20, TimeUnit.SECONDS).response();
    assertThat(r.get("result").asText()).isEqualTo("deny");
    assertThat(r.get("status").asText()).isEqualTo("deny");
  }

  @Test
  void reportedFraudEndsTheTransaction() {
    JsonNode r = client.post("/auth/v2/auth", "username", "pat", "factor", "push", "async", "1").response();
    sim.control().reportFraud(r.get("txid").asText());
    JsonNode status = client.get("/auth/v2/auth_status", "txid", r.get("txid").asText()).response();
    assertThat(status.get("result").asText()).isEqualTo("deny");
    assertThat(status.get("status").asText()).isEqualTo("fraud");
  }

  @Test
  void scriptedOutcomes() {
    assertThat(push("fraud").get("status").asText()).isEqualTo("fraud");
    JsonNode timeout = push("lazy");
    assertThat(timeout.get("status").asText()).isEqualTo("timeout");
    assertThat(timeout.get("status_msg").asText()).isEqualTo("Login timed out.");
    assertThat(push("lock").get("status").asText()).isEqualTo("locked_out");
    assertThat(client.post("/auth/v2/preauth", "username", "lock").response().get("result").asText())
        .isEqualTo("deny");
  }

  @Test
  void unansweredPushTimesOutWhenTheClockPassesSixtySeconds() {
    String txid = client.post("/auth/v2/auth", "username", "pat", "factor", "push", "async", "1").response()
        .get("txid").asText();
    sim.control().shiftClock(Duration.ofSeconds(61));
    JsonNode status = client.get("/auth/v2/auth_status", "txid", txid).response();
    assertThat(status.get("result").asText()).isEqualTo("deny");
    assertThat(status.get("status").asText()).isEqualTo("timeout");
  }

  @Test
  void phoneCallGoesThroughCallingAndAnswered() {
    String txid = client.post("/auth/v2/auth", "username", "caller", "factor", "phone", "device", "auto", "async", "1")
        .response().get("txid").asText();
    assertThat(client.get("/auth/v2/auth_status", "txid", txid).response().get("status").asText())
        .isEqualTo("calling");
    JsonNode status;
    do {
      status = client.get("/auth/v2/auth_status", "txid", txid).response();
    } while (status.get("result").asText().equals("waiting"));
    assertThat(status.get("result").asText()).isEqualTo("allow");
    assertThat(sim.control().transaction(txid).orElseThrow().statusHistory())
        .containsExactly("calling", "answered", "allow");
  }

  @Test
  void longPollCapAnswersTheUnchangedState() {
    try (DuoSimulator capped = DuoSimulator.start(Scenario.builder()
        .user(Scenario.User.active("kim", Scenario.Device.phone("DPKIM000000000000001", "", "", "push")
            .withPush(Scenario.Reaction.waitForControl())))
        .longPollCapSeconds(1)
        .build())) {
      DuoTestClient c = new DuoTestClient(capped);
      String txid = c.post("/auth/v2/auth", "username", "kim", "factor", "push", "async", "1").response()
          .get("txid").asText();
      c.get("/auth/v2/auth_status", "txid", txid);
      JsonNode held = c.get("/auth/v2/auth_status", "txid", txid).response();
      assertThat(held.get("result").asText()).isEqualTo("waiting");
      assertThat(held.get("status").asText()).isEqualTo("pushed");
      assertThat(capped.control().parkedRequests()).isZero();
    }
  }

  @Test
  void pushFailedIsAProgressEvent() {
    String txid = client.post("/auth/v2/auth", "username", "pat", "factor", "push", "async", "1").response()
        .get("txid").asText();
    client.get("/auth/v2/auth_status", "txid", txid);
    sim.control().pushFailed(txid);
    JsonNode status = client.get("/auth/v2/auth_status", "txid", txid).response();
    assertThat(status.get("result").asText()).isEqualTo("waiting");
    assertThat(status.get("status").asText()).isEqualTo("push_failed");
  }

  @Test
  void authStatusErrors() {
    assertThat(client.get("/auth/v2/auth_status").code()).isEqualTo(40001);
    DuoTestClient.Response unknown = client.get("/auth/v2/auth_status", "txid", "no-such-tx");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.code()).isEqualTo(40002);
  }

  @Test
  void asyncPasscodeIsFinalAtOnce() {
    String txid = client.post("/auth/v2/auth", "username", "pat", "factor", "passcode", "passcode", "111111",
        "async", "1").response().get("txid").asText();
    assertThat(client.get("/auth/v2/auth_status", "txid", txid).response().get("result").asText()).isEqualTo("allow");
  }

  // ---- enroll

  @Test
  void enrollmentWaitsUntilActivated() {
    JsonNode e = client.post("/auth/v2/enroll", "username", "newbie", "valid_secs", "600").response();
    assertThat(e.get("username").asText()).isEqualTo("newbie");
    assertThat(e.get("activation_code").asText()).startsWith("duo://");
    assertThat(e.get("activation_url").asText()).startsWith("https://");
    assertThat(e.get("activation_barcode").asText()).contains("/frame/qr?value=duo%3A%2F%2F");
    assertThat(e.get("expiration").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
    String userId = e.get("user_id").asText();
    String code = e.get("activation_code").asText();

    assertThat(enrollStatus(userId, code)).isEqualTo("waiting");
    assertThat(client.post("/auth/v2/preauth", "username", "newbie").response().get("result").asText())
        .isEqualTo("enroll");
    assertThat(sim.control().activateEnrollment(code)).isTrue();
    assertThat(enrollStatus(userId, code)).isEqualTo("success");
    assertThat(enrollStatus(userId, "duo://wrong")).isEqualTo("invalid");
    assertThat(client.post("/auth/v2/preauth", "username", "newbie").response().get("result").asText())
        .isEqualTo("auth");
    assertThat(client.post("/auth/v2/enroll", "username", "newbie").code()).isEqualTo(40002);
    assertThat(client.post("/auth/v2/enroll").response().get("username").asText()).hasSize(32);
  }

  @Test
  void enrollmentExpires() {
    JsonNode e = client.post("/auth/v2/enroll", "valid_secs", "60").response();
    sim.control().shiftClock(Duration.ofSeconds(120));
    assertThat(enrollStatus(e.get("user_id").asText(), e.get("activation_code").asText())).isEqualTo("invalid");
  }

  // ---- helpers

  private String enrollStatus(String userId, String code) {
    return client.post("/auth/v2/enroll_status", "user_id", userId, "activation_code", code).response().asText();
  }

  private JsonNode passcode(String user, String code) {
    return client.post("/auth/v2/auth", "username", user, "factor", "passcode", "passcode", code).response();
  }

  private JsonNode push(String user) {
    return client.post("/auth/v2/auth", "username", user, "factor", "push", "device", "auto").response();
  }

  private JsonNode preauthDevice(String user) {
    return client.post("/auth/v2/preauth", "username", user).response().get("devices").get(0);
  }

  private void awaitParked(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (sim.control().parkedRequests() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sim.control().parkedRequests()).isEqualTo(n);
  }
}
