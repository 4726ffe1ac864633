package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.bootstrap.RestNode.Response;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Fault;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of a node as {@code serve} runs it, after the seed's flow against the Duo
 * simulator over HTTPS: the counters say what happened, and no label carries a user, workspace or
 * token (bounded cardinality).
 */
class MetricsIT {
  private static final Duration FINAL_WITHIN = Duration.ofSeconds(15);
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @TempDir
  static Path dataDir;

  private static DuoSimulator duo;
  private static RestNode node;
  private static String admin;
  private static String alice;
  private static final List<String> secrets = new ArrayList<>();

  @BeforeAll
  static void runTheSeedFlow() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    node = RestNode.startWithMetrics(dataDir, duo.writeCaPem(dataDir.resolve("duo-ca.pem")));
    admin = node.firstAdministrator("rootadmin");
    alice = node.user(admin, "alice");
    node.workspace(admin, "seedspace", "alice");
    node.put("/api/v1/workspaces/seedspace/mfa", admin, duoSettings()).expect(200);
    JsonNode devices = node.get("/api/v1/workspaces/seedspace/duo/devices", alice).expect(200).json();
    String phone = devices.at("/devices/0/id").asText();
    Response chosen = node.put("/api/v1/workspaces/seedspace/duo/enrollment", alice,
        "{\"device\":\"" + phone + "\",\"method\":\"push\"}").expect(202);
    assertThat(node.awaitFinal(alice, chosen.header("Location"), FINAL_WITHIN).get("state").asText())
        .isEqualTo("approved");
    Response unlock = node.post("/api/v1/workspaces/seedspace/unlock", alice, null).expect(202);
    JsonNode approved = node.awaitFinal(alice, unlock.json().at("/challenge/links/self").asText(), FINAL_WITHIN);
    String session = node.claim(alice, approved).get("token").asText();
    // A second unlock while Duo is down: failmode secure denies it.
    duo.control().injectFault(Fault.serverError("preauth", 503, 1));
    node.post("/api/v1/workspaces/seedspace/unlock", alice, null).expect(403);
    secrets.addAll(List.of(admin, alice, session, duo.secretKey(), duo.integrationKey(), phone));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (duo != null) {
      duo.close();
    }
  }

  @Test
  void aScrapeAfterTheSeedFlowShowsWhatHappened() {
    Map<String, Double> samples = samples(scrape());

    assertThat(samples).containsEntry("gatehouse_unlocks_pending_total", 1.0)
        .containsEntry("gatehouse_unlocks_granted_total{kind=\"duo_approved\"}", 1.0)
        .containsEntry("gatehouse_unlocks_denied_total{reason=\"duo_unavailable\"}", 1.0)
        .containsEntry("gatehouse_failsafe_grants_total", 0.0)
        .containsEntry("gatehouse_challenges_open", 0.0);
    assertThat(samples.get("gatehouse_challenge_duration_seconds_count{purpose=\"unlock\",state=\"approved\"}"))
        .isEqualTo(1.0);
    assertThat(samples.get("gatehouse_challenge_duration_seconds_count{purpose=\"verify_device\",state=\"approved\"}"))
        .isEqualTo(1.0);
    assertThat(samples.get("gatehouse_duo_requests_seconds_count{endpoint=\"preauth\",result=\"ok\"}"))
        .isGreaterThanOrEqualTo(2.0);
    assertThat(samples.get("gatehouse_duo_requests_seconds_count{endpoint=\"preauth\",result=\"server_error\"}"))
        .isEqualTo(1.0);
    assertThat(samples).containsKey("gatehouse_duo_requests_seconds_bucket{endpoint=\"auth\",result=\"ok\",le=\"+Inf\"}");
    assertThat(samples.get("gatehouse_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/workspaces/{name}/unlock\",status=\"202\"}"))
        .isEqualTo(1.0);
    assertThat(samples.keySet()).anyMatch(name -> name.startsWith("jvm_memory_used_bytes"))
        .anyMatch(name -> name.startsWith("hikaricp_connections_active"))
        .anyMatch(name -> name.startsWith("gatehouse_http_threads{state=\"busy\"}"));
  }

  @Test
  void noLabelCarriesAUserAWorkspaceOrAToken() {
    node.get("/api/v1/workspaces/seedspace/entries/secret-entry-name", alice);
    String text = scrape();
    Set<String> values = new TreeSet<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.find() && sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          values.add(label.group(2));
        }
      }
    }

    assertThat(values).isNotEmpty().allSatisfy(value -> assertThat(value)
        .doesNotContain("alice", "rootadmin", "seedspace", "secret-entry-name"));
    for (String secret : secrets) {
      assertThat(text).doesNotContain(secret);
    }
    assertThat(values).filteredOn(value -> value.startsWith("/")).allSatisfy(route ->
        assertThat(route).as("routes are templates").matches("[a-z0-9/{}._-]+"));
  }

  @Test
  void onlyAdministratorsMayScrape() {
    node.get("/metrics", alice).problem(403, "forbidden");
    node.get("/metrics", null).problem(401, "unauthorized");
  }

  private static String scrape() {
    Response response = node.get("/metrics", admin).expect(200);
    assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    return response.body();
  }

  private static Map<String, Double> samples(String text) {
    Map<String, Double> samples = new java.util.HashMap<>();
    for (String line : text.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (!line.startsWith("#") && space > 0) {
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  private static String duoSettings() {
    return "{\"apiHostname\":\"" + duo.apiHostname() + "\",\"integrationKey\":\"" + duo.integrationKey()
        + "\",\"secretKey\":\"" + duo.secretKey() + "\"}";
  }
}
