package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console and the REST API share one port, each with its own rules: the console serves
 * HTML under a strict Content Security Policy and takes form posts; the API keeps its JSON-only
 * bodies and problem documents.
 */
class WebConsoleServedIT {
  @TempDir
  static Path dataDir;

  private static DuoSimulator duo;
  private static RestNode node;

  @BeforeAll
  static void start() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    node = RestNode.start(dataDir, duo.writeCaPem(dataDir.resolve("duo-ca.pem")));
    node.firstAdministrator("root");
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (duo != null) {
      duo.close();
    }
  }

  @Test
  void theConsoleIsServedAtTheRootOfTheSamePort() {
    RestNode.Response signIn = node.get("/sign-in", null).expect(200);

    assertThat(signIn.header("Content-Type")).startsWith("text/html");
    assertThat(signIn.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(signIn.body()).contains("<form").contains("token");
    assertThat(node.get("/", null).status()).isIn(302, 303);
  }

  @Test
  void aConsoleFormPostIsNotHeldToTheApisJsonRule() {
    RestNode.Response posted = node.send("POST", "/sign-in", null, "token=not-a-token",
        Map.of("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(posted.status()).isNotEqualTo(415).isLessThan(500);
  }

  @Test
  void theApiKeepsItsJsonRules() {
    node.send("POST", "/api/v1/workspaces", null, "name=x", Map.of("Content-Type", "application/x-www-form-urlencoded"))
        .problem(401, "unauthorized");
    node.get("/api/v1/no-such-thing", null).problem(404, "no-such-route");
  }
}
