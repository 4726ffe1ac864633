package dev.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * design-notes §4's failmode table through the whole stack: an unlock while Duo fails at the start
 * in each way (refused, TLS, timeout, 5xx, 429 after back-off, unparseable, 401, 403, 400), in a
 * workspace with failmode {@code secure} and one with {@code safe} at once. Refused and TLS use a
 * second simulator, stopped (nothing listens) and then restarted on the same port with a
 * certificate Gatehouse does not trust; the rest are faults injected into the main simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuoFaultMatrixIT {
  /** One row: the fault, and the outcome under secure and under safe. */
  private record Row(String name, String fault, String secure, String safe) {}

  private static final String GRANTED = "granted";
  private static final String UNAVAILABLE = "denied duo_unavailable";
  private static final List<Row> INJECTED = List.of(
      new Row("timeout (no answer within the 10 s request timeout)",
          "{\"kind\":\"latency\",\"latencyMs\":13000,\"times\":-1}", UNAVAILABLE, GRANTED),
      new Row("HTTP 500", "{\"kind\":\"server_error\",\"status\":500,\"times\":-1}", UNAVAILABLE, GRANTED),
      new Row("HTTP 503", "{\"kind\":\"server_error\",\"status\":503,\"times\":-1}", UNAVAILABLE, GRANTED),
      new Row("unparseable body", "{\"kind\":\"malformed_json\",\"times\":-1}", UNAVAILABLE, GRANTED),
      new Row("connection dropped", "{\"kind\":\"drop_connection\",\"times\":-1}", UNAVAILABLE, GRANTED),
      new Row("429 after the back-off", "{\"kind\":\"rate_limit\",\"retryAfterSeconds\":1,\"times\":-1}",
          "denied duo_rate_limited", "denied duo_rate_limited"),
      new Row("401 (40103 invalid signature)", "{\"kind\":\"client_error\",\"status\":401,\"times\":-1}",
          "denied duo_misconfigured", "denied duo_misconfigured"),
      new Row("403 (40301 access forbidden)", "{\"kind\":\"client_error\",\"status\":403,\"times\":-1}",
          "denied duo_misconfigured", "denied duo_misconfigured"),
      new Row("400 (40002 invalid parameters)", "{\"kind\":\"client_error\",\"status\":400,\"times\":-1}",
          "denied duo_request_rejected", "denied duo_request_rejected"));

  private Stack stack;
  private Stack.Node node;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final List<String> table = new ArrayList<>();
  private int nextUser;

  @BeforeAll
  void setUp() throws Exception {
    stack = Stack.start("duo-faults");
    node = stack.serve();
    stack.simUsers(stack.duo, "fm", INJECTED.size(), "approve");
    stack.workspace(node, "fm-secure", stack.duo, "secure");
    stack.workspace(node, "fm-safe", stack.duo, "safe");
    List<String> issued = stack.members(node, "fm", INJECTED.size(), "fm-secure", "fm-safe");
    for (int i = 0; i < issued.size(); i++) {
      tokens.put(Stack.user("fm", i), issued.get(i));
    }
  }

  @AfterAll
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
    if (!table.isEmpty()) {
      Stack.figure("| Duo fault matrix | " + String.join("; ", table) + " |");
    }
  }

  @Test
  void eachInjectedFaultEndsAsTheFailmodeTableSays() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Row row : INJECTED) {
      String user = Stack.user("fm", nextUser++);
      stack.sim("DELETE", "/_sim/faults", null);
      stack.sim("POST", "/_sim/faults", row.fault());
      long start = System.nanoTime();
      CompletableFuture<String> secure = unlock("fm-secure", tokens.get(user));
      CompletableFuture<String> safe = unlock("fm-safe", tokens.get(user));
      String[] got = {secure.get(3, TimeUnit.MINUTES), safe.get(3, TimeUnit.MINUTES)};
      stack.sim("DELETE", "/_sim/faults", null);
      note(row, got, Stack.seconds(start), wrong);
    }
    assertThat(wrong).as("rows that did not end as design-notes §4 says").isEmpty();
    assertFailsafeAudited();
  }

  @Test
  void refusedAndUntrustedTlsEndAsTheFailmodeTableSays() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Child other = stack.simulator("duo-other", port, true);
    Stack.Duo duo = Stack.duoOf(other);
    stack.simUsers(duo, "ff", 1, "approve");
    stack.workspace(node, "ff-secure", duo, "secure");
    stack.workspace(node, "ff-safe", duo, "safe");
    String token = stack.members(node, "ff", 1, "ff-secure", "ff-safe").get(0);
    List<String> wrong = new ArrayList<>();

    other.close();
    long start = System.nanoTime();
    String[] refused = {unlock("ff-secure", token).get(3, TimeUnit.MINUTES),
        unlock("ff-safe", token).get(3, TimeUnit.MINUTES)};
    note(new Row("connection refused", "", UNAVAILABLE, GRANTED), refused, Stack.seconds(start), wrong);

    Child untrusted = stack.simulator("duo-untrusted", port, false);
    Stack.duoOf(untrusted);
    start = System.nanoTime();
    String[] tls = {unlock("ff-secure", token).get(3, TimeUnit.MINUTES),
        unlock("ff-safe", token).get(3, TimeUnit.MINUTES)};
    note(new Row("TLS: certificate not trusted", "", UNAVAILABLE, GRANTED), tls, Stack.seconds(start), wrong);

    assertThat(wrong).as("rows that did not end as design-notes §4 says").isEmpty();
  }

  private void note(Row row, String[] got, double seconds, List<String> wrong) {
    String line = String.format(Locale.ROOT, "%s: secure → %s, safe → %s (%.1f s)", row.name(), got[0], got[1],
        seconds);
    System.out.println("[reliability] " + line);
    table.add(line);
    if (!got[0].equals(row.secure()) || !got[1].equals(row.safe())) {
      wrong.add(line + "; expected secure → " + row.secure() + ", safe → " + row.safe());
    }
  }

  /** Every failsafe grant was audited as such, with its cause. */
  private void assertFailsafeAudited() throws Exception {
    List<List<String>> grants = stack.query("SELECT count(*) FROM audit_events WHERE type = 'FAILSAFE_GRANTED'");
    long expected = INJECTED.stream().filter(r -> r.safe().equals(GRANTED)).count();
    assertThat(Long.parseLong(grants.get(0).get(0))).as("FAILSAFE_GRANTED audit events").isEqualTo(expected);
  }

  /**
   * An unlock as a client runs it, reduced to its outcome: "granted" (a session, at once or after
   * the challenge), "denied CODE" (a 403 denial problem), or what else happened.
   */
  private CompletableFuture<String> unlock(String workspace, String token) {
    return stack.http.send("POST", node.base() + "/api/v1/workspaces/" + workspace + "/unlock", token, null,
        Duration.ofSeconds(120)).thenCompose(answer -> {
          JsonNode json = answer.body().isEmpty() ? Http.JSON.createObjectNode() : answer.json();
          if (answer.status() == 200) {
            return CompletableFuture.completedFuture(json.at("/session/token").asText("").isEmpty()
                && json.path("token").asText("").isEmpty() ? "200 without a session" : GRANTED);
          }
          if (answer.status() == 202) {
            return CompletableFuture.completedFuture("pending " + json.at("/challenge/state").asText());
          }
          if (answer.status() == 403 && json.path("type").asText().endsWith(":denied")) {
            return CompletableFuture.completedFuture("denied " + json.path("code").asText());
          }
          return CompletableFuture.completedFuture(answer.status() + " " + json.path("type").asText());
        });
  }
}
