package dev.gatehouse.adapter.duo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How Gatehouse talks to Duo: the signature to use, timeouts, the CAs to trust and an optional
 * HTTP proxy. Per-workspace credentials are not here; they come with each call.
 *
 * @param signature how requests are signed (default v2 with HMAC-SHA512)
 * @param connectTimeout TCP and TLS connect timeout (default 10 s)
 * @param requestTimeout answer timeout for ping, check, preauth and starting a push (default 10 s)
 * @param syncAuthTimeout answer timeout for synchronous auth (passcodes, SMS); at least Duo's
 *     60 s hold (default 90 s)
 * @param caFile a PEM file whose certificates replace the JVM's trust store (for the simulator or
 *     a TLS-inspecting proxy); read when Duo is first called
 * @param httpProxy an {@code http://host:port} proxy for HTTPS CONNECT tunnels
 * @param clockSkewCorrection whether to follow Duo's clock (from {@code /auth/v2/ping}) when Duo
 *     rejects a request's date, and before {@code check}
 * @param ioThreads threads that decode Duo's answers (4 more of the HTTP client's move the bytes);
 *     waiting calls hold none (default 4)
 * @param callbackThreads threads on which the answers of long polls are handed to callers, so
 *     that work callers chain onto them (storage, decryption) never holds up Duo's I/O (default 8)
 * @param backoffBudget how long one call may spend in all on Duo's HTTP 429 before it fails as
 *     rate limited: the official back-off (1, 2, 4 … 32 s, each plus up to 1 s of jitter) is
 *     followed only while the next wait ends within this time since the call began (default 5 s:
 *     at most 3 attempts; zero: no retry). A caller's thread waits that long at most, where the
 *     full schedule would hold it about a minute. An auth_status long poll backs off within its
 *     own wait instead.
 */
public record DuoConfig(Signature signature, Duration connectTimeout, Duration requestTimeout,
    Duration syncAuthTimeout, Optional<Path> caFile, Optional<URI> httpProxy,
    boolean clockSkewCorrection, int ioThreads, int callbackThreads, Duration backoffBudget) {

  /** Duo's hold on synchronous auth and auth_status long polls: nothing may time out sooner. */
  public static final Duration DUO_HOLD = Duration.ofSeconds(60);

  /** Request signature versions Duo accepts (duo-auth-api.md §3.1). */
  public enum Signature {
    /** Canonical v2 with HMAC-SHA512, form bodies: Duo's clients 0.5.1–0.6.x, Go, duo_unix 2.x. */
    V2_HMAC_SHA512,
    /** Canonical v2 with HMAC-SHA1, form bodies: for old integrations. */
    V2_HMAC_SHA1,
    /** Canonical v5 with HMAC-SHA512, JSON bodies: Duo's current clients. */
    V5_HMAC_SHA512;

    /** Reads {@code v2}, {@code v2-sha512}, {@code v2-sha1} or {@code v5} (any case). */
    public static Signature parse(String text) {
      String value = Objects.requireNonNull(text, "signature").strip().toLowerCase(Locale.ROOT);
      return switch (value) {
        case "v2", "v2-sha512", "v2_hmac_sha512" -> V2_HMAC_SHA512;
        case "v2-sha1", "v2_hmac_sha1" -> V2_HMAC_SHA1;
        case "v5", "v5-sha512", "v5_hmac_sha512" -> V5_HMAC_SHA512;
        default -> throw new IllegalArgumentException("Duo signature must be v2, v2-sha1 or v5");
      };
    }
  }

  public DuoConfig {
    Objects.requireNonNull(signature, "signature");
    requireBetween("connectTimeout", connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
    requireBetween("requestTimeout", requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
    requireBetween("syncAuthTimeout", syncAuthTimeout, DUO_HOLD, Duration.ofMinutes(10));
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(httpProxy, "httpProxy");
    httpProxy.ifPresent(DuoConfig::requireProxyShape);
    if (ioThreads < 1 || ioThreads > 256) {
      throw new IllegalArgumentException("Duo ioThreads must be between 1 and 256");
    }
    if (callbackThreads < 1 || callbackThreads > 256) {
      throw new IllegalArgumentException("Duo callbackThreads must be between 1 and 256");
    }
    requireBetween("backoffBudget", backoffBudget, Duration.ZERO, Duration.ofMinutes(5));
  }

  /**
   * v2/HMAC-SHA512, 10 s timeouts, 90 s for synchronous auth, the JVM's CAs, no proxy, skew
   * correction on, 4 I/O threads, 8 callback threads and a 5 s back-off budget.
   */
  public static DuoConfig defaults() {
    return new DuoConfig(Signature.V2_HMAC_SHA512, Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(90), Optional.empty(), Optional.empty(), true, 4, 8, Duration.ofSeconds(5));
  }

  public DuoConfig withSignature(Signature value) {
    return new DuoConfig(value, connectTimeout, requestTimeout, syncAuthTimeout, caFile, httpProxy,
        clockSkewCorrection, ioThreads, callbackThreads, backoffBudget);
  }

  public DuoConfig withTimeouts(Duration connect, Duration request) {
    return new DuoConfig(signature, connect, request, syncAuthTimeout, caFile, httpProxy,
        clockSkewCorrection, ioThreads, callbackThreads, backoffBudget);
  }

  public DuoConfig withCaFile(Path value) {
    return new DuoConfig(signature, connectTimeout, requestTimeout, syncAuthTimeout,
        Optional.of(value), httpProxy, clockSkewCorrection, ioThreads, callbackThreads, backoffBudget);
  }

  public DuoConfig withHttpProxy(URI value) {
    return new DuoConfig(signature, connectTimeout, requestTimeout, syncAuthTimeout, caFile,
        Optional.of(value), clockSkewCorrection, ioThreads, callbackThreads, backoffBudget);
  }

  public DuoConfig withClockSkewCorrection(boolean value) {
    return new DuoConfig(signature, connectTimeout, requestTimeout, syncAuthTimeout, caFile, httpProxy,
        value, ioThreads, callbackThreads, backoffBudget);
  }

  public DuoConfig withIoThreads(int value) {
    return new DuoConfig(signature, connectTimeout, requestTimeout, syncAuthTimeout, caFile, httpProxy,
        clockSkewCorrection, value, callbackThreads, backoffBudget);
  }

  public DuoConfig withCallbackThreads(int value) {
    return new DuoConfig(signature, connectTimeout, requestTimeout, syncAuthTimeout, caFile, httpProxy,
        clockSkewCorrection, ioThreads, value, backoffBudget);
  }

  public DuoConfig withBackoffBudget(Duration value) {
    return new DuoConfig(signature, connectTimeout, requestTimeout, syncAuthTimeout, caFile, httpProxy,
        clockSkewCorrection, ioThreads, callbackThreads, value);
  }

  private static void requireBetween(String name, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException("Duo " + name + " must be between " + min.toMillis() + " ms and "
          + max.toSeconds() + " s");
    }
  }

  private static void requireProxyShape(URI proxy) {
    if (!"http".equalsIgnoreCase(proxy.getScheme()) || proxy.getHost() == null || proxy.getPort() < 1
        || (proxy.getPath() != null && !proxy.getPath().isEmpty() && !proxy.getPath().equals("/"))
        || proxy.getUserInfo() != null) {
      throw new IllegalArgumentException("Duo httpProxy must look like http://host:port (no credentials)");
    }
  }
}
