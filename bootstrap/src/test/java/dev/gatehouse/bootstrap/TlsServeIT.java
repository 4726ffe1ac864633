package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse serve --tls-cert --tls-key}, the packaged executable in a child process, over
 * real HTTPS with a CA and certificates made here: the API and the console on HTTP/2 and
 * HTTP/1.1, a non-loopback bind accepted, SIGHUP serving replaced files to new connections while an
 * open one goes on, and a bad key refused in one line.
 */
class TlsServeIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("on (https?)://[^:]+:(\\d+) ");

  @TempDir
  Path tempDir;

  private final TestCertificates certificates = new TestCertificates();
  private Process serve;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    if (serve != null) {
      serve.destroy();
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
  }

  @Test
  void servesTheApiAndConsoleOverHttpsOnAnyAddressAndReloadsTheCertificateOnSighup() throws Exception {
    Path cert = tempDir.resolve("server.pem");
    Path key = tempDir.resolve("server-key.pem");
    certificates.writeServer("first.gatehouse.test", cert, key);
    serve = start("--data-dir", tempDir.resolve("data").toString(), "serve", "--bind", "0.0.0.0", "--port", "0",
        "--tls-cert", cert.toString(), "--tls-key", key.toString());
    int port = port();
    String base = "https://127.0.0.1:" + port;

    HttpClient h2 = client(HttpClient.Version.HTTP_2);
    HttpResponse<String> health = h2.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.version()).isEqualTo(HttpClient.Version.HTTP_2);
    HttpResponse<String> unauthorized = h2.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/workspaces")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));

    HttpClient h1 = client(HttpClient.Version.HTTP_1_1);
    HttpResponse<String> signIn = h1.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(signIn.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(signIn.body()).contains("<form");
    HttpResponse<String> signInH2 = h2.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signInH2.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(signInH2.body()).contains("<form");

    try (SSLSocket open = handshake(port)) {
      assertThat(served(open)).isEqualTo("CN=first.gatehouse.test");

      Path newCert = tempDir.resolve("new.pem");
      Path newKey = tempDir.resolve("new-key.pem");
      certificates.writeServer("second.gatehouse.test", newCert, newKey);
      Files.move(newKey, key, StandardCopyOption.REPLACE_EXISTING);
      Files.move(newCert, cert, StandardCopyOption.REPLACE_EXISTING);
      assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(serve.pid())).start().waitFor()).isZero();
      Awaitility.await().atMost(Duration.ofSeconds(20))
          .until(() -> err.stream().anyMatch(line -> line.contains("Reloaded the TLS certificate")));

      try (SSLSocket fresh = handshake(port)) {
        assertThat(served(fresh)).isEqualTo("CN=second.gatehouse.test");
      }
      assertThat(get(open, "/health")).as("the connection opened before the reload").startsWith("HTTP/1.1 200");
      assertThat(h2.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
    assertThat(serve.isAlive()).isTrue();
  }

  @Test
  void aKeyFileThatIsNotAPkcs8KeyIsRefusedInOneLine() throws Exception {
    Path cert = tempDir.resolve("server.pem");
    Path key = tempDir.resolve("server-key.pem");
    certificates.writeServer("first.gatehouse.test", cert, key);
    Path bad = tempDir.resolve("bad-key.pem");
    Files.writeString(bad, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    serve = start("--data-dir", tempDir.resolve("data").toString(), "serve", "--port", "0",
        "--tls-cert", cert.toString(), "--tls-key", bad.toString());

    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(serve.exitValue()).isEqualTo(2);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !err.isEmpty());
    assertThat(err).singleElement().isEqualTo("gatehouse: invalid --tls-key: " + bad
        + ": is not an unencrypted PKCS#8 private key PEM (-----BEGIN PRIVATE KEY-----)");
  }

  private HttpClient client(HttpClient.Version version) {
    return HttpClient.newBuilder().version(version).sslContext(certificates.clientContext())
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  private SSLSocket handshake(int port) throws IOException {
    SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    return socket;
  }

  private static String served(SSLSocket socket) throws IOException {
    return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
  }

  private static String get(SSLSocket socket, String path) throws IOException {
    OutputStream request = socket.getOutputStream();
    request.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    request.flush();
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
  }

  private Process start(String... args) throws IOException {
    return GatehouseProcess.start(out, err, args);
  }

  private int port() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : out) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          assertThat(matcher.group(1)).isEqualTo("https");
          return Integer.parseInt(matcher.group(2));
        }
      }
      if (!serve.isAlive()) {
        throw new AssertionError("serve exited with " + serve.exitValue() + ": " + err);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve never said where it listens: " + out + err);
  }
}
