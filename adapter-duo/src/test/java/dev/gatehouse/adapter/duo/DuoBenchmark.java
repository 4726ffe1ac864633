package dev.gatehouse.adapter.duo;

import com.duosecurity.client.Http;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * Preauth + auth (passcode) round trips against a duo-simulator on 127.0.0.1:443: this adapter
 * versus Duo's official {@code com.duosecurity:duo-client} 0.5.0, same calls, same concurrency,
 * same signature (v2, HMAC-SHA512). Needs root (port 443). Arguments: threads, seconds per client,
 * warm-up seconds. See docs/benchmarks.md for the command.
 */
public final class DuoBenchmark {
  private static final String HOST = "localhost";

  private DuoBenchmark() {}

  /** One measured run. */
  private record Result(String client, int threads, long pairs, double seconds, long errors, List<Long> nanos) {
    double perSecond() {
      return pairs / seconds;
    }

    double percentileMillis(double p) {
      if (nanos.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.min(nanos.size() - 1, Math.ceil(p / 100.0 * nanos.size()) - 1);
      return nanos.get(Math.max(0, index)) / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;

    Scenario.Integration integration = Scenario.Integration.randomAuthApi();
    Scenario scenario = Scenario.builder().integration(integration)
        .user(Scenario.User.active("alice", Scenario.Device.phone("DPBENCH0000000000001", "XXX-XXX-0101",
            "Bench phone", "auto", "push", "sms", "phone", "mobile_otp")).withStaticPasscodes("123456"))
        .build();
    try (DuoSimulator simulator = DuoSimulator.builder(scenario).port(443).workerThreads(8).start()) {
      Path ca = simulator.writeCaPem(Files.createTempFile("duosim-bench", ".pem"));
      trustForOfficialClient(simulator.caPem());
      String pin = pin(simulator.caPem());

      DuoSettings settings = new DuoSettings(new ApiHostname(HOST), new IntegrationKey(integration.integrationKey()),
          new DuoSecretKey(integration.secretKey()));
      DuoSecondFactorGateway gateway = DuoSecondFactorGateway.create(DuoConfig.defaults().withCaFile(ca),
          DuoRequestListener.NONE);
      Callable<Void> adapter = () -> {
        PreauthOutcome preauth = gateway.preauth(settings, new DuoUsername("alice"), ClientContext.UNKNOWN);
        AuthStatus status = gateway.verifyPasscode(settings, new DuoUsername("alice"), new Passcode("123456"),
            ClientContext.UNKNOWN);
        if (!(preauth instanceof PreauthOutcome.Authenticate) || !(status instanceof AuthStatus.Allowed)) {
          throw new IllegalStateException("unexpected answer " + preauth + " / " + status);
        }
        return null;
      };
      Callable<Void> official = () -> {
        Http preauth = new Http.HttpBuilder("POST", HOST, "/auth/v2/preauth").useTimeout(60)
            .useCustomCertificates(new String[] {pin}).build();
        preauth.setSigningAlgorithm(Http.HmacSHA512);
        preauth.addParam("username", "alice");
        preauth.signRequest(integration.integrationKey(), integration.secretKey());
        JSONObject pre = (JSONObject) preauth.executeRequest();
        Http auth = new Http.HttpBuilder("POST", HOST, "/auth/v2/auth").useTimeout(60)
            .useCustomCertificates(new String[] {pin}).build();
        auth.setSigningAlgorithm(Http.HmacSHA512);
        auth.addParam("username", "alice");
        auth.addParam("factor", "passcode");
        auth.addParam("passcode", "123456");
        auth.signRequest(integration.integrationKey(), integration.secretKey());
        JSONObject result = (JSONObject) auth.executeRequest();
        if (!"auth".equals(pre.getString("result")) || !"allow".equals(result.getString("result"))) {
          throw new IllegalStateException("unexpected answer " + pre + " / " + result);
        }
        return null;
      };

      List<Result> results = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        run("adapter", adapter, threads, warmup);
        results.add(run("adapter", adapter, threads, seconds));
        run("duo-client 0.5.0", official, threads, warmup);
        results.add(run("duo-client 0.5.0", official, threads, seconds));
      }
      System.out.printf(Locale.ROOT, "%-18s %7s %9s %10s %9s %9s %7s%n", "client", "threads", "pairs", "pairs/s",
          "p50 ms", "p99 ms", "errors");
      for (Result r : results) {
        System.out.printf(Locale.ROOT, "%-18s %7d %9d %10.1f %9.2f %9.2f %7d%n", r.client(), r.threads(), r.pairs(),
            r.perSecond(), r.percentileMillis(50), r.percentileMillis(99), r.errors());
      }
      Files.deleteIfExists(ca);
    }
    System.exit(0);
  }

  private static Result run(String name, Callable<Void> pair, int threads, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<long[]>> workers = new ArrayList<>();
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        long ok = 0;
        long errors = 0;
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            pair.call();
            nanos.add(System.nanoTime() - t0);
            ok++;
          } catch (Exception e) {
            errors++;
          }
        }
        return new long[] {ok, errors};
      }));
    }
    long pairs = 0;
    long errors = 0;
    for (Future<long[]> w : workers) {
      long[] counts = w.get();
      pairs += counts[0];
      errors += counts[1];
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    pool.shutdownNow();
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return new Result(name, threads, pairs, elapsed, errors, sorted);
  }

  /** duo-client 0.5.0 trusts the JVM's store (then pins): point the JVM at the simulator's certificate. */
  private static void trustForOfficialClient(String pem) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    int i = 0;
    for (Certificate c : CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
      store.setCertificateEntry("duosim-" + i++, c);
    }
    Path file = Files.createTempFile("duosim-bench", ".p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "changeit".toCharArray());
    }
    file.toFile().deleteOnExit();
    System.setProperty("javax.net.ssl.trustStore", file.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
  }

  /** OkHttp's pin: sha256/ + base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo. */
  private static String pin(String pem) throws Exception {
    Certificate certificate = CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    byte[] spki = certificate.getPublicKey().getEncoded();
    return "sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
  }
}
