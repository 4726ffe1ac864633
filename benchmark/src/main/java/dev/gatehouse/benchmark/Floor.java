package dev.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The floor an approved unlock is measured against: the Duo calls Gatehouse makes for one push
 * (preauth, auth with {@code async=1}, auth_status until it is no longer waiting), signed v2 with
 * HMAC-SHA512 by a minimal client over one kept-alive HTTPS connection straight to the simulator,
 * plus one durable commit in the same PostgreSQL ({@code synchronous_commit=on}, in the
 * {@code postgres} database so Gatehouse's own stays untouched).
 */
final class Floor implements AutoCloseable {
  private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
      Locale.US);

  private final HttpClient http;
  private final String host;
  private final String ikey;
  private final String skey;
  private final Connection db;
  private final PreparedStatement insert;

  Floor(String host, String ikey, String skey, Path caFile, Path dataDir) throws Exception {
    this.host = host;
    this.ikey = ikey;
    this.skey = skey;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting(caFile))
        .connectTimeout(Duration.ofSeconds(10)).build();
    List<String> pid = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
    Properties credentials = new Properties();
    credentials.setProperty("user", "postgres");
    credentials.setProperty("password", Files.readString(dataDir.resolve("pg.password")).strip());
    db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres", credentials);
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS gatehouse_bench_floor (id bigserial PRIMARY KEY, "
          + "at timestamptz NOT NULL, txid text NOT NULL)");
    }
    db.setAutoCommit(false);
    insert = db.prepareStatement("INSERT INTO gatehouse_bench_floor (at, txid) VALUES (now(), ?)");
  }

  /** One push for {@code username}, approved by the simulator, then one commit; returns milliseconds. */
  double once(String username) throws Exception {
    long start = System.nanoTime();
    JsonNode preauth = call("POST", "/auth/v2/preauth", Map.of("username", username, "ipaddr", "127.0.0.1"));
    if (!preauth.path("result").asText().equals("auth")) {
      throw new IllegalStateException("floor preauth: " + preauth);
    }
    String device = preauth.at("/devices/0/device").asText();
    String txid = call("POST", "/auth/v2/auth", Map.of("username", username, "factor", "push", "device", device,
        "async", "1", "ipaddr", "127.0.0.1")).path("txid").asText();
    JsonNode status;
    do {
      status = call("GET", "/auth/v2/auth_status", Map.of("txid", txid));
    } while (status.path("result").asText().equals("waiting"));
    if (!status.path("result").asText().equals("allow")) {
      throw new IllegalStateException("floor auth_status: " + status);
    }
    insert.setString(1, txid);
    insert.executeUpdate();
    db.commit();
    return (System.nanoTime() - start) / 1e6;
  }

  private JsonNode call(String method, String path, Map<String, String> params) throws IOException, InterruptedException {
    String date = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
    String form = form(params);
    String canonical = String.join("\n", date, method, host.toLowerCase(Locale.ROOT), path, form);
    String auth = "Basic " + Base64.getEncoder().encodeToString((ikey + ":" + hmac(canonical))
        .getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://" + host + path
        + (method.equals("GET") ? "?" + form : ""))).timeout(Duration.ofSeconds(90))
        .header("Date", date).header("Authorization", auth);
    if (method.equals("POST")) {
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body = Rest.JSON.readTree(answer.body());
    if (answer.statusCode() != 200 || !body.path("stat").asText().equals("OK")) {
      throw new IllegalStateException("floor " + path + " answered " + answer.statusCode() + " " + body);
    }
    return body.get("response");
  }

  private static String form(Map<String, String> params) {
    TreeMap<String, String> sorted = new TreeMap<>();
    params.forEach((k, v) -> sorted.put(quote(k), quote(v)));
    List<String> parts = new ArrayList<>();
    sorted.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join("&", parts);
  }

  private static String quote(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  private String hmac(String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(skey.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static SSLContext trusting(Path caFile) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (var in = Files.newInputStream(caFile)) {
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca" + i++, (X509Certificate) cert);
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing anyway
    }
  }
}
