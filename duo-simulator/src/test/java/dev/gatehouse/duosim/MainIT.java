package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runnable jar prints its ready line, serves a scenario file (or the default one with its own
 * push timeout) over HTTPS and stops on SIGTERM.
 */
class MainIT {

  static Path jar() {
    String configured = System.getProperty("duosim.jar");
    return configured != null ? Path.of(configured) : Path.of("target", "duo-simulator-0.1.0-SNAPSHOT-all.jar");
  }

  @Test
  void runsAScenarioFileAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("scenario.json");
    Files.writeString(scenario, "{\"integrations\":[{\"integrationKey\":\"DIMAIN00000000000001\","
        + "\"secretKey\":\"mainsecretmainsecretmainsecretmainsecret\"}],"
        + "\"users\":[{\"username\":\"mia\",\"devices\":[{\"type\":\"phone\",\"capabilities\":[\"push\"]}]}]}");
    Path certOut = dir.resolve("out/ca.pem");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "--port", "0", "--scenario", scenario.toString(), "--cert-out", certOut.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      JsonNode ready = new ObjectMapper().readTree(out.readLine());
      assertThat(ready.fieldNames()).toIterable()
          .containsExactly("apiHostname", "integrationKey", "secretKey", "caFile");
      assertThat(ready.get("apiHostname").asText()).matches("127\\.0\\.0\\.1:\\d+");
      assertThat(ready.get("integrationKey").asText()).isEqualTo("DIMAIN00000000000001");
      assertThat(Path.of(ready.get("caFile").asText())).isEqualTo(certOut.toAbsolutePath());
      assertThat(Files.readString(certOut)).startsWith("-----BEGIN CERTIFICATE-----");

      JsonNode preauth = preauth(ready, "mia");
      assertThat(preauth.get("stat").asText()).isEqualTo("OK");
      assertThat(preauth.get("response").get("result").asText()).isEqualTo("auth");

      // SIGTERM through the handle: Process#destroy would also close our end of stdout.
      assertThat(p.toHandle().destroy()).isTrue();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(143);
      List<String> rest = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null) {
        rest.add(line);
      }
      assertThat(rest).isEmpty();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void rejectsUnknownOptions() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "--colour", "red").start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("unknown option");
  }

  @Test
  void namesTheFileAndTheKeyOfABadScenarioInOneLine(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("typo.json");
    Files.writeString(scenario, "{\"users\":[{\"username\":\"mia\",\"devises\":[]}]}");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "--scenario", scenario.toString()).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst())
        .hasValueSatisfying(line -> assertThat(line)
            .startsWith("duo-simulator: scenario file " + scenario + ": unknown key 'devises' in users[0] (known: ")
            .doesNotContain("Exception"));
  }

  @Test
  void pushTimeoutEndsAnUnansweredPushOfTheDefaultScenario() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "--port", "0", "--push-timeout", "1").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      JsonNode ready = new ObjectMapper().readTree(out.readLine());
      HttpClient http = client(ready);
      String control = "https://" + ready.get("apiHostname").asText() + "/_sim/";
      assertThat(http.send(HttpRequest.newBuilder(URI.create(control + "users/bulk"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"prefix\":\"held\",\"count\":1,\"push\":\"hold\"}"))
          .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

      JsonNode auth = signed(ready, "/auth/v2/auth",
          Map.of("username", "held00001", "factor", "push", "device", "auto", "async", "1"));
      String txid = auth.get("response").get("txid").asText();

      // Held until a control call, the push ends by the one-second timeout (default: a minute).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      JsonNode tx;
      do {
        Thread.sleep(250);
        tx = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(control + "transactions/" + txid))
            .build(), HttpResponse.BodyHandlers.ofString()).body());
      } while (!tx.get("status").asText().equals("timeout") && System.nanoTime() < deadline);
      assertThat(tx.get("result").asText()).isEqualTo("deny");
      assertThat(tx.get("status").asText()).isEqualTo("timeout");
    } finally {
      p.destroyForcibly();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "soon|--push-timeout takes whole seconds, 0 or more (0: never), not 'soon'",
      "-5|--push-timeout takes whole seconds, 0 or more (0: never), not '-5'"})
  void rejectsABadPushTimeoutInOneLine(String value, String message) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "--push-timeout", value).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst())
        .hasValue("duo-simulator: " + message);
  }

  @Test
  void aPushTimeoutDoesNotOverrideAScenarioFile(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("scenario.json");
    Files.writeString(scenario, "{}");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "--scenario", scenario.toString(), "--push-timeout", "1800").start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst())
        .hasValue("duo-simulator: --push-timeout applies to the default scenario; set pushTimeoutSeconds in the "
            + "scenario file instead");
  }

  private static JsonNode preauth(JsonNode ready, String username) throws Exception {
    return signed(ready, "/auth/v2/preauth", Map.of("username", username));
  }

  /** A v2 request signed with HMAC-SHA1 to the Auth API of the simulator that printed {@code ready}. */
  private static JsonNode signed(JsonNode ready, String path, Map<String, String> params) throws Exception {
    String host = ready.get("apiHostname").asText();
    String date = ZonedDateTime.now().format(DuoTestClient.RFC_2822);
    String canonical = TestSigner.canonical(2, date, "POST", host, path, params, null, Map.of());
    String sig = TestSigner.hmac("HmacSHA1", ready.get("secretKey").asText(), canonical);
    HttpResponse<String> r = client(ready).send(HttpRequest.newBuilder(URI.create("https://" + host + path))
        .header("Authorization", TestSigner.authorization(ready.get("integrationKey").asText(), sig))
        .header("Date", date)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(TestSigner.params(params))).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }

  /** HTTP/1.1 trusting the simulator's certificate from the ready line's {@code caFile}. */
  private static HttpClient client(JsonNode ready) throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(Path.of(ready.get("caFile").asText()))));
    javax.net.ssl.TrustManagerFactory tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ctx).build();
  }
}
