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
import org.junit.jupiter.params.provider.CsvSource;
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

  /**
   * Debian's client (4.5.0) predates the flag, so the script sends it through the client's own
   * signed {@code json_api_call}; the person then reads the code from auth_status and types it
   * (the control API), or types a wrong one.
   */
  static final String VERIFIED_PUSH_SCRIPT = String.join("\n",
      "import json, re, ssl, sys, urllib.request",
      "import duo_client",
      "host, port, ikey, skey, ca, typed = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]",
      "auth = duo_client.Auth(ikey, skey, host=host, port=port, ca_certs=ca)",
      "out = {'plain_preauth': auth.preauth(username='vera')}",
      "pre = auth.json_api_call('POST', '/auth/v2/preauth', {'username': 'vera', 'client_supports_verified_push': '1'})",
      "out['preauth'] = pre",
      "tx = auth.json_api_call('POST', '/auth/v2/auth', {'username': 'vera', 'factor': 'push', 'device': 'auto',",
      "                                                  'async': '1', 'txid': pre['txid']})",
      "out['txid'] = tx['txid']",
      "first = auth.auth_status(tx['txid'])",
      "out['first'] = first",
      "code = re.search(r'verification code (\\d+)', first['status_msg']).group(1)",
      "typed_code = code if typed == 'right' else str((int(code) + 1) % 1000).zfill(len(code))",
      "req = urllib.request.Request('https://%s:%d/_sim/transactions/%s/verify' % (host, port, tx['txid']),",
      "                             data=json.dumps({'code': typed_code}).encode(), method='POST')",
      "urllib.request.urlopen(req, context=ssl.create_default_context(cafile=ca)).read()",
      "polls = [first]",
      "while polls[-1]['waiting'] and len(polls) < 50:",
      "    polls.append(auth.auth_status(tx['txid']))",
      "out['last'] = polls[-1]",
      "print(json.dumps(out))",
      "");

  static DuoSimulator sim;
  static Path ca;

  @BeforeAll
  static void start(@TempDir Path dir) {
    Scenario defaults = Scenario.defaultScenario();
    Scenario.Builder scenario = Scenario.builder().logo(Logo.DEFAULT_PNG);
    defaults.users().forEach(scenario::user);
    scenario.user(Scenario.User.active("vera", Scenario.Device.phone("DPVERA00000000000001", "", "Vera's phone",
        "auto", "push").withPush(Scenario.Reaction.waitForControl())).withVerifiedPush());
    sim = DuoSimulator.start(scenario.build());
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

  @ParameterizedTest
  @CsvSource({"right, true", "wrong, false"})
  void pythonClientDoesAVerifiedPushWhenItSendsTheFlag(String typed, boolean approved, @TempDir Path dir)
      throws Exception {
    requirePythonClient();
    Path script = dir.resolve("duo_verified_push.py");
    Files.writeString(script, VERIFIED_PUSH_SCRIPT);

    Result r = run(List.of(PYTHON.toString(), script.toString(), "localhost", Integer.toString(sim.port()),
        sim.integrationKey(), sim.secretKey(), ca.toString(), typed));

    assertThat(r.exit()).as(r.stderr()).isZero();
    JsonNode out = new ObjectMapper().readTree(r.stdout());
    assertThat(out.get("plain_preauth").has("txid")).isFalse();
    assertThat(out.get("txid").asText()).isEqualTo(out.get("preauth").get("txid").asText());
    String code = sim.control().transaction(out.get("txid").asText()).orElseThrow().verificationCode();
    assertThat(out.get("first").get("status_msg").asText()).contains("verification code " + code);
    assertThat(out.get("last").get("waiting").asBoolean()).isFalse();
    assertThat(out.get("last").get("success").asBoolean()).isEqualTo(approved);
  }
}
