package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.duosecurity.client.Http;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duo's official Java client {@code com.duosecurity:duo-client} 0.5.0 signs requests the simulator
 * accepts. 0.5.0 always calls {@code https://host} on port 443 and rejects {@code host:port}, so the
 * signing tests capture its headers and send the request themselves, and the end-to-end test lets it
 * run unchanged through a local CONNECT proxy that leads to the simulator's port.
 */
class OfficialJavaClientIT {

  static DuoSimulator sim;
  static DuoTestClient transport;

  @BeforeAll
  static void start() {
    sim = DuoSimulator.start(Scenario.defaultScenario());
    transport = new DuoTestClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /** The official client with its Authorization/Date headers and canonical string made visible. */
  static final class CapturingHttp extends Http {
    final Map<String, String> headers = new LinkedHashMap<>();
    String canonical;

    @SuppressWarnings("deprecation")
    CapturingHttp(String method, String host, String uri) {
      super(method, host, uri);
    }

    @Override
    public void addHeader(String name, String value) {
      headers.put(name, value);
      super.addHeader(name, value);
    }

    @Override
    protected String canonRequest(String date, int sigVersion) throws UnsupportedEncodingException {
      canonical = super.canonRequest(date, sigVersion);
      return canonical;
    }

    /** The parameter line of the canonical string: exactly what 0.5.0 sends as query or form body. */
    String wireParams() {
      return canonical.substring(canonical.lastIndexOf('\n') + 1);
    }
  }

  static DuoTestClient.Response sendSigned(String method, String uri, String algorithm, String skey,
      String... params) throws Exception {
    CapturingHttp http = new CapturingHttp(method, "127.0.0.1", uri);
    for (int i = 0; i < params.length; i += 2) {
      http.addParam(params[i], params[i + 1]);
    }
    http.setSigningAlgorithm(algorithm);
    http.signRequest(sim.integrationKey(), skey);
    HttpRequest.Builder request;
    if (method.equals("GET")) {
      String query = http.wireParams().isEmpty() ? "" : "?" + http.wireParams();
      request = HttpRequest.newBuilder(URI.create(sim.baseUri() + uri + query)).GET();
    } else {
      request = HttpRequest.newBuilder(URI.create(sim.baseUri() + uri))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(http.wireParams()));
    }
    http.headers.forEach(request::header);
    return transport.raw(request.build());
  }

  @Test
  void v2Sha1RequestsAreAccepted() throws Exception {
    assertThat(sendSigned("GET", "/auth/v2/check", Http.HmacSHA1, sim.secretKey()).status()).isEqualTo(200);
    DuoTestClient.Response preauth = sendSigned("POST", "/auth/v2/preauth", Http.HmacSHA1, sim.secretKey(),
        "username", "alice", "hostname", "ws 1~*+/=&\u00fc");
    assertThat(preauth.status()).isEqualTo(200);
    assertThat(preauth.response().get("result").asText()).isEqualTo("auth");
    assertThat(sim.control().requests()).last().extracting(LoggedRequest::signatureVersion).isEqualTo("v2-sha1");
  }

  @Test
  void v2Sha512RequestsAreAccepted() throws Exception {
    DuoTestClient.Response auth = sendSigned("POST", "/auth/v2/auth", Http.HmacSHA512, sim.secretKey(),
        "username", "alice", "factor", "passcode", "passcode", "123456");
    assertThat(auth.status()).isEqualTo(200);
    assertThat(auth.response().get("result").asText()).isEqualTo("allow");
    String txid = sendSigned("POST", "/auth/v2/auth", Http.HmacSHA512, sim.secretKey(),
        "username", "alice", "factor", "push", "device", "auto", "async", "1",
        "pushinfo", "from=login%20portal").response().get("txid").asText();
    DuoTestClient.Response status = sendSigned("GET", "/auth/v2/auth_status", Http.HmacSHA512, sim.secretKey(),
        "txid", txid);
    assertThat(status.response().get("result").asText()).isIn("waiting", "allow");
    assertThat(sim.control().requests()).last().extracting(LoggedRequest::signatureVersion).isEqualTo("v2-sha512");
  }

  @Test
  void wrongSecretKeyIsRejected() throws Exception {
    DuoTestClient.Response r = sendSigned("GET", "/auth/v2/check", Http.HmacSHA1, "y".repeat(40));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo(40103);
  }

  @Test
  void unmodifiedClientWorksEndToEndThroughAConnectProxy(@TempDir Path dir) throws Exception {
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(sim.caPem().getBytes(StandardCharsets.US_ASCII)));
    Path trustStore = dir.resolve("trust.p12");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("duosim", cert);
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      ks.store(out, "changeit".toCharArray());
    }
    String pin = "sha256/" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
    Map<String, String> saved = new LinkedHashMap<>();
    for (String key : new String[] {"javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType",
        "javax.net.ssl.trustStorePassword"}) {
      saved.put(key, System.getProperty(key));
    }
    System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    try (ConnectProxy proxy = new ConnectProxy(sim.port())) {
      Object check = official("GET", "/auth/v2/check", pin, proxy, sim.secretKey()).executeRequest();
      assertThat(((JSONObject) check).has("time")).isTrue();

      Http preauth = official("POST", "/auth/v2/preauth", pin, proxy, sim.secretKey());
      preauth.addParam("username", "alice");
      preauth.setSigningAlgorithm(Http.HmacSHA512);
      preauth.signRequest(sim.integrationKey(), sim.secretKey());
      assertThat(((JSONObject) preauth.executeRequest()).getString("result")).isEqualTo("auth");

      Http wrong = official("GET", "/auth/v2/check", pin, proxy, "z".repeat(40));
      assertThatThrownBy(wrong::executeRequest).hasMessageContaining("40103");
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }

  @SuppressWarnings("deprecation")
  private static Http official(String method, String uri, String pin, ConnectProxy proxy, String skey)
      throws Exception {
    Http http = new Http(method, "localhost", uri);
    http.useCustomCertificates(new String[] {pin});
    http.setProxy("127.0.0.1", proxy.port());
    if (method.equals("GET")) {
      http.signRequest(sim.integrationKey(), skey);
    }
    return http;
  }

  /** A minimal HTTP CONNECT proxy that tunnels every connection to the simulator's port. */
  static final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;

    ConnectProxy(int target) throws IOException {
      this.target = target;
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::acceptLoop, "test-connect-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void acceptLoop() {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Thread t = new Thread(() -> tunnel(client), "test-connect-tunnel");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void tunnel(Socket client) {
      try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
        InputStream in = client.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
          int b = in.read();
          if (b < 0) {
            return;
          }
          head.append((char) b);
        }
        if (!head.toString().startsWith("CONNECT ")) {
          return;
        }
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        Thread back = new Thread(() -> pipe(upstreamIn(upstream), clientOut(client)), "test-connect-back");
        back.setDaemon(true);
        back.start();
        pipe(in, upstream.getOutputStream());
        back.join(5000);
      } catch (IOException | InterruptedException e) {
        // tunnel closed
      }
    }

    private static InputStream upstreamIn(Socket s) {
      try {
        return s.getInputStream();
      } catch (IOException e) {
        return InputStream.nullInputStream();
      }
    }

    private static OutputStream clientOut(Socket s) {
      try {
        return s.getOutputStream();
      } catch (IOException e) {
        return OutputStream.nullOutputStream();
      }
    }

    private static void pipe(InputStream in, OutputStream out) {
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
