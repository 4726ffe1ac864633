package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reveal benchmark (not a timed test: it asserts only that every request succeeded): one node
 * on embedded PostgreSQL over real HTTP, 1,000 reveals of one entry on a live session, and the cost
 * of the session check measured as the difference between an entry read (bearer token + session)
 * and a workspace read (bearer token only) of similar size. Run it with
 * {@code ./mvnw -B -pl bootstrap -am verify -Dgatehouse.bench=true -Dit.test=RevealBenchmarkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}; figures go to standard output and to
 * docs/benchmarks.md by hand.
 */
@EnabledIfSystemProperty(named = "gatehouse.bench", matches = "true")
class RevealBenchmarkIT {
  private static final int WARM_UP = 300;
  private static final int SAMPLES = Integer.getInteger("gatehouse.bench.samples", 1000);

  @TempDir
  Path dataDir;

  @Test
  void revealsOnALiveSession() throws Exception {
    try (DuoSimulator duo = DuoSimulator.start(Scenario.defaultScenario());
         RestNode node = RestNode.start(dataDir, duo.writeCaPem(dataDir.resolve("duo-ca.pem")))) {
      String admin = node.firstAdministrator("root");
      node.workspace(admin, "bench", "root");
      node.put("/api/v1/workspaces/bench/members/root", admin, "{\"role\":\"editor\"}").expect(200);
      String session = node.post("/api/v1/workspaces/bench/unlock", admin, null).expect(200).json()
          .at("/session/token").asText();
      Map<String, String> inSession = Map.of("Gatehouse-Session", session);
      node.send("POST", "/api/v1/workspaces/bench/entries", admin, "{\"name\":\"db1\",\"kind\":\"rdp\","
          + "\"host\":\"db1.corp.example\",\"secret\":{\"password\":\"bench-password\"}}", inSession).expect(201);

      List<Long> reveal = measure(() -> node.send("POST", "/api/v1/workspaces/bench/entries/db1/reveal", admin,
          null, inSession).expect(200).status());
      List<Long> entryRead = measure(() -> node.send("GET", "/api/v1/workspaces/bench/entries/db1", admin, null,
          inSession).expect(200).status());
      List<Long> workspaceRead = measure(() -> node.get("/api/v1/workspaces/bench", admin).expect(200).status());

      System.out.printf("reveal        p50 %.2f ms  p95 %.2f ms  (%d)%n", p(reveal, 50), p(reveal, 95), SAMPLES);
      System.out.printf("entry read    p50 %.2f ms  p95 %.2f ms  (bearer + session)%n", p(entryRead, 50),
          p(entryRead, 95));
      System.out.printf("workspace read p50 %.2f ms p95 %.2f ms  (bearer only)%n", p(workspaceRead, 50),
          p(workspaceRead, 95));
      System.out.printf("session check ≈ %.2f ms per request (entry read p50 − workspace read p50)%n",
          p(entryRead, 50) - p(workspaceRead, 50));
      assertThat(reveal).hasSize(SAMPLES);
    }
  }

  private static List<Long> measure(Supplier<Integer> request) {
    for (int i = 0; i < WARM_UP; i++) {
      request.get();
    }
    List<Long> nanos = new ArrayList<>(SAMPLES);
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      request.get();
      nanos.add(System.nanoTime() - start);
    }
    return nanos;
  }

  private static double p(List<Long> nanos, int percentile) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1_000_000.0;
  }
}
