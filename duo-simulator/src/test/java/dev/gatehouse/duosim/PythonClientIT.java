package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's {@code python3-duo-client} ({@code duo_client.Auth}) talks to the simulator over HTTPS.
 * With {@code CI=true} a missing python or duo_client fails the test; elsewhere it is skipped.
 */
class PythonClientIT {

  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final String SCRIPT = String.join("\n",
      "import json, sys",
      "import duo_client",
      "host, port, ikey, skey, ca = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]",
      "auth = duo_client.Auth(ikey, skey, host=host, port=port, ca_certs=ca)",
      "out = {'check': auth.check(), 'preauth': auth.preauth(username='alice')}",
      "tx = auth.auth('push', username='alice', device='auto', async_txn=True,",
      "               type='Transfer', display_username='Alice \\u00dc', pushinfo='from=login%20portal&x=1')",
      "polls = []",
      "for _ in range(50):",
      "    status = auth.auth_status(tx['txid'])",
      "    polls.append(status)",
      "    if not status['waiting']:",
      "        break",
      "out['polls'] = polls",
      "out['passcode'] = auth.auth('passcode', username='alice', passcode='123456')",
      "bad = duo_client.Auth(ikey, 'x' * 40, host=host, port=port, ca_certs=ca)",
      "try:",
      "    bad.check()",
      "    out['wrong_key'] = 'accepted'",
      "except RuntimeError as e:",
      "    out['wrong_key'] = {'status': e.status, 'data': e.data}",
      "print(json.dumps(out))",
      "");

  static DuoSimulator sim;
  static Path ca;

  @BeforeAll
  static void start(@TempDir Path dir) {
    sim = DuoSimulator.start(Scenario.defaultScenario());
    ca = sim.writeCaPem(dir.resolve("ca.pem"));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static void requirePythonClient() throws Exception {
    boolean present = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import duo_client")).exit == 0;
    if ("true".equals(System.getenv("CI"))) {
      if (!present) {
        fail("CI=true but /usr/bin/python3 with duo_client (python3-duo-client) is missing");
      }
    } else {
      assumeTrue(present, "python3-duo-client is not installed");
    }
  }

  record Result(int exit, String stdout, String stderr) {}

  static Result run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    // Outputs are small; read after exit with a generous bound.
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("python did not finish within 60 s");
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void pythonClientAuthenticatesOverHttps(String host, @TempDir Path dir) throws Exception {
    requirePythonClient();
    Path script = dir.resolve("duo_check.py");
    Files.writeString(script, SCRIPT);

    Result r = run(List.of(PYTHON.toString(), script.toString(), host, Integer.toString(sim.port()),
        sim.integrationKey(), sim.secretKey(), ca.toString()));

    assertThat(r.exit()).as(r.stderr()).isZero();
    JsonNode out = new ObjectMapper().readTree(r.stdout());
    assertThat(out.get("check").has("time")).isTrue();
    assertThat(out.get("preauth").get("result").asText()).isEqualTo("auth");
    JsonNode polls = out.get("polls");
    assertThat(polls.get(0).get("status").asText()).isEqualTo("pushed");
    assertThat(polls.get(polls.size() - 1).get("success").asBoolean()).isTrue();
    assertThat(out.get("passcode").get("result").asText()).isEqualTo("allow");
    assertThat(out.get("wrong_key").get("status").asInt()).isEqualTo(401);
    assertThat(out.get("wrong_key").get("data").get("code").asInt()).isEqualTo(40103);

    LoggedRequest push = sim.control().requests().stream()
        .filter(q -> "push".equals(q.param("factor"))).reduce((a, b) -> b).orElseThrow();
    assertThat(push.signatureVersion()).isEqualTo("v2-sha1");
    assertThat(push.param("display_username")).isEqualTo("Alice \u00dc");
    assertThat(push.param("pushinfo")).isEqualTo("from=login%20portal&x=1");
    assertThat(push.userAgent()).startsWith("Duo API Python/");
  }
}
