package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Duo readiness report over real HTTP against the real core, the embedded PostgreSQL and the
 * Duo simulator over HTTPS, with members in every preauth state of its default scenario: alice
 * ({@code auth}, device verified in Gatehouse), bob ({@code auth}, no choice yet), carol (locked out
 * at Duo: {@code deny}), dave ({@code enroll}) and erin ({@code allow}, bypass). With
 * {@code -Dgatehouse.bench=true} it also times the report for 200 members and prints the figure.
 */
class DuoReadinessIT {
  private static final String READINESS = "/api/v1/workspaces/ready/duo/readiness";
  private static final int BENCH_MEMBERS = 200;

  @TempDir
  static Path dataDir;

  private static DuoSimulator duo;
  private static RestNode node;
  private static String admin;

  @BeforeAll
  static void startGatehouseAndDuo() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    node = RestNode.start(dataDir, duo.writeCaPem(dataDir.resolve("duo-ca.pem")));
    admin = node.firstAdministrator("root");
    String alice = node.user(admin, "alice");
    for (String name : List.of("bob", "carol", "dave", "erin")) {
      node.user(admin, name);
    }
    node.workspace(admin, "ready", "alice", "bob", "carol", "dave", "erin");
    node.put("/api/v1/workspaces/ready/mfa", admin, settings()).expect(200);
    // Alice chooses her phone with typed passcodes and verifies it with her static passcode.
    String phone = node.get("/api/v1/workspaces/ready/duo/devices", alice).expect(200).json()
        .at("/devices/0/id").asText();
    JsonNode verifying = node.put("/api/v1/workspaces/ready/duo/enrollment", alice,
        "{\"device\":\"" + phone + "\",\"method\":\"passcode\"}").expect(202).json().get("challenge");
    node.post(verifying.at("/links/passcode").asText(), alice, "{\"passcode\":\"123456\"}").expect(200);
  }

  @AfterAll
  static void stopEverything() {
    if (node != null) {
      node.close();
    }
    if (duo != null) {
      duo.close();
    }
  }

  private static String settings() {
    return "{\"apiHostname\":\"" + duo.apiHostname() + "\",\"integrationKey\":\"" + duo.integrationKey()
        + "\",\"secretKey\":\"" + duo.secretKey() + "\"}";
  }

  private static JsonNode member(JsonNode report, String name) {
    for (JsonNode m : report.get("members")) {
      if (m.get("member").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no member " + name + " in " + report);
  }

  private static long authRequests() {
    return duo.control().requests().stream().filter(r -> r.path().endsWith("/auth")).count();
  }

  @Test
  void reportsEveryPreauthStateOfTheSimulatorAndSendsNothing() {
    long auths = authRequests();

    JsonNode report = node.get(READINESS, admin).expect(200).json();

    assertThat(member(report, "alice").get("preauth").asText()).isEqualTo("auth");
    assertThat(member(report, "alice").get("verdict").asText()).isEqualTo("asked");
    assertThat(member(report, "alice").get("choiceStillListed").asBoolean()).isTrue();
    assertThat(member(report, "bob").get("preauth").asText()).isEqualTo("auth");
    assertThat(member(report, "bob").get("verdict").asText()).isEqualTo("cannot_get_in");
    assertThat(member(report, "carol").get("preauth").asText()).isEqualTo("deny");
    assertThat(member(report, "carol").get("duoMessage").asText()).isNotBlank();
    assertThat(member(report, "dave").get("preauth").asText()).isEqualTo("enroll");
    assertThat(member(report, "dave").get("enrollmentUrl").asText()).startsWith("https://");
    assertThat(member(report, "erin").get("preauth").asText()).isEqualTo("allow");
    assertThat(report.at("/summary/asked").toString()).isEqualTo("[\"alice\"]");
    assertThat(report.at("/summary/cannotGetIn").toString()).isEqualTo("[\"bob\",\"carol\",\"dave\"]");
    assertThat(report.at("/summary/noSecondFactor").toString()).isEqualTo("[\"erin\"]");
    assertThat(report.at("/summary/notChecked")).isEmpty();
    assertThat(authRequests()).as("a readiness report never sends a push, call or SMS").isEqualTo(auths);
  }

  @Test
  void checksUnsavedSettingsAndNeverEchoesTheSecret() {
    RestNode.Response answer = node.post(READINESS, admin, settings()).expect(200);

    assertThat(answer.json().get("unsavedSettings").asBoolean()).isTrue();
    assertThat(answer.json().at("/summary/noSecondFactor").toString()).isEqualTo("[\"erin\"]");
    assertThat(answer.body()).doesNotContain(duo.secretKey());
  }

  /** Run with {@code -Dgatehouse.bench=true}: prints the report's time for 200 members; asserts nothing about time. */
  @Test
  @EnabledIfSystemProperty(named = "gatehouse.bench", matches = "true")
  void timesTheReportForTwoHundredMembers() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < BENCH_MEMBERS; i++) {
      String name = String.format("bench%03d", i);
      names.add(name);
      // A mix like a real directory: mostly active with a phone, some bypassed, unenrolled or locked out.
      Scenario.User user = switch (i % 10) {
        case 7 -> Scenario.User.withStatus(name, Scenario.UserStatus.BYPASS);
        case 8 -> Scenario.User.withStatus(name, Scenario.UserStatus.NOT_ENROLLED);
        case 9 -> Scenario.User.withStatus(name, Scenario.UserStatus.LOCKED_OUT);
        default -> Scenario.User.active(name, Scenario.Device.phone(String.format("DPBENCH%013d", i),
            "XXX-XXX-" + String.format("%04d", i), name + "'s phone", "auto", "push", "sms", "phone", "mobile_otp"));
      };
      duo.control().putUser(user);
      node.post("/api/v1/users", admin, "{\"name\":\"" + name + "\"}").expect(201);
    }
    node.workspace(admin, "bench");
    for (String name : names) {
      node.put("/api/v1/workspaces/bench/members/" + name, admin, null).expect(200);
    }
    node.put("/api/v1/workspaces/bench/mfa", admin, settings()).expect(200);
    String path = "/api/v1/workspaces/bench/duo/readiness";
    node.get(path, admin).expect(200);  // warm-up: connections, JIT
    List<Long> millis = new ArrayList<>();
    JsonNode report = null;
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      report = node.get(path, admin).expect(200).json();
      millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
    assertThat(report.get("members")).hasSize(BENCH_MEMBERS);
    assertThat(report.at("/summary/notChecked")).isEmpty();
    System.out.println("[bench] readiness report for " + BENCH_MEMBERS + " members against the simulator: "
        + millis + " ms (5 runs after a warm-up), median " + millis.stream().sorted().toList().get(2) + " ms");
  }
}
