package dev.gatehouse.duosim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A separate-process load client for {@link LongPollLoadIT}: it opens N asynchronous pushes, then
 * holds N concurrent auth_status long polls on N connections (a child process, so that neither side
 * runs out of file descriptors), and reports how they end.
 *
 * <p>Args: baseUri ikey skey caPemOrDash username count. Prints {@code SENT n}, then {@code DONE allow=a other=o},
 * and every half second {@code PROGRESS p}, where p counts answers received and long polls sent so far: the
 * test watches it to tell a slow machine from a stuck run. The client itself waits generously ({@link #HOLD});
 * the test decides when a run has stalled and kills this process.
 */
public final class LoadClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Longer than any run the test allows: the test, not this client, gives up on a stuck run. */
  private static final Duration HOLD = Duration.ofMinutes(30);
  private static final AtomicInteger PROGRESS = new AtomicInteger();

  private LoadClient() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String ikey = args[1];
    String skey = args[2];
    String ca = args[3];
    String username = args[4];
    int count = Integer.parseInt(args[5]);
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30));
    if (!ca.equals("-")) {
      builder.sslContext(trusting(Path.of(ca)));
    }
    HttpClient http = builder.build();
    Thread reporter = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(500);
          System.out.println("PROGRESS " + PROGRESS.get());
          System.out.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "progress");
    reporter.setDaemon(true);
    reporter.start();

    // Fewer requests in flight than the JDK HttpServer keeps idle connections (200 by default): above
    // that it closes connections as they turn idle, racing the client's reuse of them ("no bytes").
    Semaphore window = new Semaphore(128);
    List<CompletableFuture<String>> txids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      window.acquire();
      txids.add(http.sendAsync(signed(base, ikey, skey, "POST", "/auth/v2/auth",
              Map.of("username", username, "factor", "push", "device", "auto", "async", "1")),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete((r, e) -> answered(window))
          .thenApply(r -> field(r.body(), "txid")));
    }
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<String> f : txids) {
      ids.add(f.get(HOLD.toSeconds(), TimeUnit.SECONDS));
    }
    // First poll of each answers at once with "pushed"; the second one is parked by the simulator.
    List<CompletableFuture<HttpResponse<String>>> firsts = new ArrayList<>();
    for (String txid : ids) {
      window.acquire();
      firsts.add(http.sendAsync(signed(base, ikey, skey, "GET", "/auth/v2/auth_status", Map.of("txid", txid)),
          HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> answered(window)));
    }
    for (CompletableFuture<HttpResponse<String>> f : firsts) {
      f.get(HOLD.toSeconds(), TimeUnit.SECONDS);
    }
    AtomicInteger allow = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<CompletableFuture<Void>> polls = new ArrayList<>();
    for (String txid : ids) {
      polls.add(http.sendAsync(signed(base, ikey, skey, "GET", "/auth/v2/auth_status", Map.of("txid", txid)),
              HttpResponse.BodyHandlers.ofString())
          .handle((r, e) -> {
            PROGRESS.incrementAndGet();
            if (e == null && "allow".equals(field(r.body(), "result"))) {
              allow.incrementAndGet();
            } else {
              other.incrementAndGet();
            }
            return null;
          }));
      PROGRESS.incrementAndGet();
    }
    System.out.println("SENT " + polls.size());
    System.out.flush();
    CompletableFuture.allOf(polls.toArray(new CompletableFuture<?>[0])).get(HOLD.toSeconds(), TimeUnit.SECONDS);
    System.out.println("DONE allow=" + allow.get() + " other=" + other.get());
    System.out.flush();
    System.exit(0);
  }

  private static void answered(Semaphore window) {
    PROGRESS.incrementAndGet();
    window.release();
  }

  private static String field(String body, String name) {
    try {
      return MAPPER.readTree(body).path("response").path(name).asText(null);
    } catch (Exception e) {
      return null;
    }
  }

  private static HttpRequest signed(URI base, String ikey, String skey, String method, String path,
      Map<String, String> params) {
    String date = ZonedDateTime.now().format(DuoTestClient.RFC_2822);
    String canonical = TestSigner.canonical(2, date, method, base.getHost(), path, params, null, Map.of());
    String auth = TestSigner.authorization(ikey, TestSigner.hmac("HmacSHA512", skey, canonical));
    String encoded = TestSigner.params(params);
    HttpRequest.Builder b = method.equals("GET")
        ? HttpRequest.newBuilder(URI.create(base + path + "?" + encoded)).GET()
        : HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded));
    return b.header("Authorization", auth).header("Date", date).timeout(HOLD).build();
  }

  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("duosim", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readString(pem).getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
