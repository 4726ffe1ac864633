package dev.gatehouse.duosim;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Duo request signatures v1, v2 (HMAC-SHA1 or HMAC-SHA512), v4 and v5 as described in §3.9
 * of duo-auth-api.md; written from the specification alone.
 */
final class SignatureVerifier {

  static final String SHA512_OF_EMPTY =
      "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

  private final Function<String, Scenario.Integration> integrations;
  private final Supplier<Instant> clock;
  private final Supplier<Long> windowSeconds;
  private final Set<Integer> versions;
  private final List<String> configuredHosts;

  SignatureVerifier(
      Function<String, Scenario.Integration> integrations,
      Supplier<Instant> clock,
      Supplier<Long> windowSeconds,
      Set<Integer> versions,
      List<String> configuredHosts) {
    this.integrations = integrations;
    this.clock = clock;
    this.windowSeconds = windowSeconds;
    this.versions = Set.copyOf(versions);
    this.configuredHosts = List.copyOf(configuredHosts);
  }

  /** What arrived on the wire, with parameters already decoded. */
  record SignedRequest(
      String method,
      String hostHeader,
      String path,
      Map<String, List<String>> params,
      Map<String, List<String>> queryParams,
      byte[] body,
      Map<String, List<String>> headers) {

    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** The outcome of a verification: either the matched integration and version, or a Duo error. */
  record Outcome(Scenario.Integration integration, String version, int httpStatus, int code, String message) {
    boolean verified() {
      return integration != null && version != null;
    }

    static Outcome ok(Scenario.Integration integration, String version) {
      return new Outcome(integration, version, 200, 0, null);
    }

    static Outcome fail(int code, String message) {
      return new Outcome(null, null, 401, code, message);
    }
  }

  Outcome verify(SignedRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null || authorization.isBlank()) {
      return Outcome.fail(40101, "Missing request credentials");
    }
    String[] credentials = parseBasic(authorization);
    if (credentials == null) {
      return Outcome.fail(40101, "Missing request credentials");
    }
    Scenario.Integration integration = integrations.apply(credentials[0]);
    if (integration == null) {
      return Outcome.fail(40102, "Invalid integration key in request credentials");
    }
    String signature = credentials[1].toLowerCase(Locale.ROOT);

    String date = request.header("X-Duo-Date");
    if (date == null) {
      date = request.header("Date");
    }
    if (date != null) {
      Instant when = parseDate(date);
      if (when == null
          || Math.abs(when.getEpochSecond() - clock.get().getEpochSecond()) > windowSeconds.get()) {
        return Outcome.fail(40105, "Bad request timestamp");
      }
    }

    byte[] skey = integration.secretKey().getBytes(StandardCharsets.UTF_8);
    for (Candidate candidate : candidates(request, date, signature.length())) {
      String expected = hmacHex(candidate.algorithm, skey, candidate.canonical);
      if (MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
        return Outcome.ok(integration, candidate.version);
      }
    }
    if (date == null && !(signature.length() == 40 && versions.contains(1))) {
      // Only v1 is signed without a date; anything else needs one.
      return Outcome.fail(40105, "Missing request timestamp");
    }
    return Outcome.fail(40103, "Invalid signature in request credentials");
  }

  private record Candidate(String version, String algorithm, String canonical) {}

  private List<Candidate> candidates(SignedRequest request, String date, int signatureLength) {
    String method = request.method().toUpperCase(Locale.ROOT);
    String path = request.path();
    String params = FormCodec.canonicalParams(request.params());
    String queryParams = FormCodec.canonicalParams(request.queryParams());
    List<Candidate> out = new ArrayList<>();
    for (String host : hosts(request.hostHeader())) {
      String v1 = String.join("\n", method, host, path, params);
      if (signatureLength == 40) {
        if (versions.contains(1)) {
          out.add(new Candidate("v1-sha1", "HmacSHA1", v1));
        }
        if (date != null && versions.contains(2)) {
          out.add(new Candidate("v2-sha1", "HmacSHA1", date + "\n" + v1));
        }
      } else if (signatureLength == 128) {
        if (date != null && versions.contains(2)) {
          out.add(new Candidate("v2-sha512", "HmacSHA512", date + "\n" + v1));
        }
        if (date != null && (versions.contains(4) || versions.contains(5))) {
          String bodyHash = sha512Hex(request.body());
          String v4 = String.join("\n", date, method, host, path, queryParams, bodyHash);
          if (versions.contains(4)) {
            out.add(new Candidate("v4", "HmacSHA512", v4));
          }
          if (versions.contains(5)) {
            out.add(new Candidate("v5", "HmacSHA512", v4 + "\n" + duoHeadersHash(request.headers())));
          }
        }
        if (versions.contains(1)) {
          out.add(new Candidate("v1-sha512", "HmacSHA512", v1));
        }
      }
    }
    return out;
  }

  private Set<String> hosts(String hostHeader) {
    Set<String> hosts = new LinkedHashSet<>();
    if (hostHeader != null && !hostHeader.isBlank()) {
      String host = hostHeader.trim().toLowerCase(Locale.ROOT);
      // Most clients sign the bare hostname; trying it first saves HMACs.
      hosts.add(stripPort(host));
      hosts.add(host);
    }
    for (String configured : configuredHosts) {
      String host = configured.toLowerCase(Locale.ROOT);
      hosts.add(stripPort(host));
      hosts.add(host);
    }
    return hosts;
  }

  static String stripPort(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close > 0 ? host.substring(0, close + 1) : host;
    }
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(':') == colon) {
      return host.substring(0, colon);
    }
    return host;
  }

  /** The hash of every received {@code x-duo-*} header: sorted lower-case names and values joined by NUL. */
  static String duoHeadersHash(Map<String, List<String>> headers) {
    TreeMap<String, String> duo = new TreeMap<>();
    headers.forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-duo-") && !values.isEmpty()) {
        duo.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
      }
    });
    List<String> parts = new ArrayList<>();
    duo.forEach((name, value) -> {
      parts.add(name);
      parts.add(value);
    });
    return sha512Hex(String.join("\0", parts).getBytes(StandardCharsets.UTF_8));
  }

  static String sha512Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hmacHex(String algorithm, byte[] key, String canonical) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses an RFC 2822 date such as {@code Tue, 21 Aug 2012 17:29:18 -0000}; null when malformed. */
  static Instant parseDate(String date) {
    try {
      return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String[] parseBasic(String authorization) {
    String value = authorization.trim();
    if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
