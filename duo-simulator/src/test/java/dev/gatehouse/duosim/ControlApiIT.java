package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unsigned JSON control API under /_sim. */
class ControlApiIT {

  DuoSimulator sim;
  DuoTestClient client;

  @BeforeEach
  void start() {
    sim = DuoSimulator.start(Scenario.builder().build());
    client = new DuoTestClient(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void addsUsersAndDevicesThenResolvesTheirPushes() throws Exception {
    DuoTestClient.Response added = client.control("POST", "/_sim/users",
        "{\"username\":\"zoe\",\"devices\":[{\"id\":\"DPZOE000000000000001\",\"capabilities\":[\"auto\",\"push\"],"
            + "\"push\":{\"outcome\":\"wait\"}}]}");
    assertThat(added.status()).isEqualTo(200);
    client.control("POST", "/_sim/users/zoe/devices",
        "{\"id\":\"DHZOE000000000000002\",\"type\":\"token\",\"name\":\"123\",\"passcodes\":[\"424242\"]}");
    JsonNode devices = client.post("/auth/v2/preauth", "username", "zoe").response().get("devices");
    assertThat(devices).hasSize(2);

    CompletableFuture<DuoTestClient.Response> auth = CompletableFuture.supplyAsync(
        () -> client.post("/auth/v2/auth", "username", "zoe", "factor", "push", "device", "auto"));
    sim.control().awaitPending("zoe", java.time.Duration.ofSeconds(20));
    JsonNode pending = client.control("GET", "/_sim/transactions?username=zoe&pending=true", null).json();
    assertThat(pending).hasSize(1);
    JsonNode approved = client.control("POST", "/_sim/users/zoe/approve", null).json();
    assertThat(approved.get("status").asText()).isEqualTo("allow");
    assertThat(auth.get(20, TimeUnit.SECONDS).response().get("result").asText()).isEqualTo("allow");

    assertThat(client.post("/auth/v2/auth", "username", "zoe", "factor", "passcode", "passcode", "424242")
        .response().get("result").asText()).isEqualTo("allow");
  }

  @Test
  void resolvesATransactionById() {
    client.control("POST", "/_sim/users", "{\"username\":\"yan\",\"devices\":[{\"capabilities\":[\"push\"],"
        + "\"push\":\"wait\"}]}");
    String txid = client.post("/auth/v2/auth", "username", "yan", "factor", "push", "async", "1").response()
        .get("txid").asText();
    assertThat(client.control("POST", "/_sim/transactions/" + txid + "/fraud", null).json().get("status").asText())
        .isEqualTo("fraud");
    assertThat(client.control("POST", "/_sim/transactions/" + txid + "/approve", null).status()).isEqualTo(409);
    assertThat(client.control("GET", "/_sim/transactions/" + txid, null).json().get("statusHistory").toString())
        .isEqualTo("[\"pushed\",\"fraud\"]");
  }

  @Test
  void bulkUsersPushesHeldUntilApproveAllThenApprovedAtOnce() throws Exception {
    JsonNode added = client.control("POST", "/_sim/users/bulk", "{\"prefix\":\"load\",\"count\":3,\"push\":\"hold\"}")
        .json();
    assertThat(added.get("last").asText()).isEqualTo("load00003");
    String txid = client.post("/auth/v2/auth", "username", "load00002", "factor", "push", "device", "auto",
        "async", "1").response().get("txid").asText();
    assertThat(client.post("/auth/v2/auth_status", "txid", txid).response().get("result").asText())
        .isEqualTo("waiting");
    CompletableFuture<DuoTestClient.Response> status = CompletableFuture.supplyAsync(
        () -> client.post("/auth/v2/auth_status", "txid", txid));
    within10s(() -> sim.control().parkedRequests() == 1);
    assertThat(status).isNotDone();

    assertThat(client.control("POST", "/_sim/transactions/approve-all", null).json().get("approved").asInt()).isEqualTo(1);
    assertThat(status.get(10, TimeUnit.SECONDS).response().get("result").asText()).isEqualTo("allow");

    client.control("POST", "/_sim/users/bulk", "{\"prefix\":\"load\",\"count\":3,\"push\":\"approve\"}");
    String next = client.post("/auth/v2/auth", "username", "load00002", "factor", "push", "device", "auto",
        "async", "1").response().get("txid").asText();
    within10s(() -> "allow".equals(sim.control().transaction(next).orElseThrow().result()));
    JsonNode counters = client.control("GET", "/_sim/counters", null).json();
    assertThat(counters.at("/requests/~1auth~1v2~1auth").asLong()).isEqualTo(2);
    assertThat(counters.at("/requests/~1auth~1v2~1auth_status").asLong()).isEqualTo(2);
    assertThat(counters.get("pendingTransactions").asInt()).isZero();
  }

  @Test
  void refusesABulkWithoutAPrefix() {
    assertThat(client.control("POST", "/_sim/users/bulk", "{\"count\":3}").status()).isEqualTo(400);
    assertThat(client.control("POST", "/_sim/users/bulk", "{\"prefix\":\"x\",\"count\":1,\"push\":\"maybe\"}")
        .status()).isEqualTo(400);
  }

  @Test
  void changesUserStatus() {
    client.control("POST", "/_sim/users", "{\"username\":\"xia\",\"devices\":[{\"capabilities\":[\"push\"]}]}");
    client.control("POST", "/_sim/users/xia/status", "{\"status\":\"bypass\"}");
    assertThat(client.post("/auth/v2/preauth", "username", "xia").response().get("result").asText())
        .isEqualTo("allow");
  }

  @Test
  void shiftsTheClockAndReportsIt() {
    JsonNode clock = client.control("POST", "/_sim/clock", "{\"shiftSeconds\":-120}").json();
    assertThat(clock.get("offsetSeconds").asDouble()).isEqualTo(-120.0);
    assertThat(client.control("GET", "/_sim/state", null).json().get("clockOffsetSeconds").asDouble())
        .isEqualTo(-120.0);
  }

  @Test
  void readsAndClearsTheRequestLog() {
    client.control("POST", "/_sim/users", "{\"username\":\"wes\",\"devices\":[{\"capabilities\":[\"sms\"]}]}");
    client.post("/auth/v2/preauth", "username", "wes");
    JsonNode log = client.control("GET", "/_sim/requests", null).json();
    assertThat(log).hasSize(1);
    assertThat(log.get(0).get("path").asText()).isEqualTo("/auth/v2/preauth");
    assertThat(log.get(0).get("params").get("username").get(0).asText()).isEqualTo("wes");
    assertThat(log.get(0).get("signatureVersion").asText()).isEqualTo("v2-sha512");
    client.control("DELETE", "/_sim/requests", null);
    assertThat(client.control("GET", "/_sim/requests", null).json()).isEmpty();
  }

  @Test
  void readsTheSmsBatchAndInboxOfADevice() {
    client.control("POST", "/_sim/users", "{\"username\":\"val\",\"devices\":[{\"id\":\"DPVAL000000000000001\","
        + "\"capabilities\":[\"sms\",\"push\"],\"push\":\"wait\"}]}");
    client.post("/auth/v2/auth", "username", "val", "factor", "sms", "device", "DPVAL000000000000001");
    JsonNode sms = client.control("GET", "/_sim/devices/DPVAL000000000000001/sms", null).json();
    assertThat(sms.get("passcodes")).hasSize(10);
    client.post("/auth/v2/auth", "username", "val", "factor", "push", "async", "1", "pushinfo", "a=b%20c");
    JsonNode inbox = client.control("GET", "/_sim/devices/DPVAL000000000000001/inbox", null).json();
    assertThat(inbox.get(0).get("pushinfoFields").get("a").get(0).asText()).isEqualTo("b c");
  }

  @Test
  void activatesEnrollments() {
    JsonNode e = client.post("/auth/v2/enroll", "username", "una").response();
    String body = "{\"userId\":\"" + e.get("user_id").asText() + "\"}";
    assertThat(client.control("POST", "/_sim/enrollments/activate", body).status()).isEqualTo(200);
    assertThat(client.post("/auth/v2/enroll_status", "user_id", e.get("user_id").asText(), "activation_code",
        e.get("activation_code").asText()).response().asText()).isEqualTo("success");
  }

  @Test
  void unknownRoutesAndBadInputAreErrors() {
    assertThat(client.control("GET", "/_sim/nope", null).status()).isEqualTo(404);
    assertThat(client.control("POST", "/_sim/users", "{\"username\":\"t\",\"colour\":\"red\"}").status())
        .isEqualTo(400);
    assertThat(client.control("POST", "/_sim/users", "not json").status()).isEqualTo(400);
  }

  private static void within10s(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
