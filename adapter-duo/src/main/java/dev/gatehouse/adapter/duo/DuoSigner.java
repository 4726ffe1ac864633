package dev.gatehouse.adapter.duo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds Duo's canonical request strings and Authorization headers (duo-auth-api.md §3.4–3.6).
 * Holds the secret key only as a MAC key; never prints it.
 */
final class DuoSigner {
  private final DuoSignatureScheme scheme;
  private final String integrationKey;
  private final SecretKeySpec key;

  DuoSigner(DuoSignatureScheme scheme, String integrationKey, String secretKey) {
    this.scheme = scheme;
    this.integrationKey = integrationKey;
    this.key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), scheme.macAlgorithm());
  }

  DuoSignatureScheme scheme() {
    return scheme;
  }

  /**
   * The canonical string. {@code params} are the decoded query (GET/DELETE) or form (v2 POST)
   * parameters; {@code body} the exact bytes sent (v5 only; empty for none); {@code duoHeaders}
   * every {@code x-duo-*} header sent (v5 only).
   */
  static String canonical(DuoSignatureScheme scheme, String date, String method, String host, String path,
      List<Map.Entry<String, String>> params, byte[] body, Map<String, String> duoHeaders) {
    StringBuilder out = new StringBuilder(256);
    out.append(date).append('\n')
        .append(method.toUpperCase(Locale.ROOT)).append('\n')
        .append(host.toLowerCase(Locale.ROOT)).append('\n')
        .append(path).append('\n');
    if (scheme.version() == 5) {
      // JSON POSTs carry no query params, so their params line is empty.
      out.append(DuoCanonical.params(params)).append('\n')
          .append(sha512Hex(body == null ? new byte[0] : body)).append('\n')
          .append(sha512Hex(duoHeadersBytes(duoHeaders)));
    } else {
      out.append(DuoCanonical.params(params));
    }
    return out.toString();
  }

  /** Lower-case hex HMAC of the canonical string. */
  String signature(String canonical) {
    try {
      Mac mac = Mac.getInstance(scheme.macAlgorithm());
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + scheme.macAlgorithm(), e);
    }
  }

  /** {@code Basic base64(ikey:hexsig)}. */
  String authorization(String canonical) {
    String credentials = integrationKey + ":" + signature(canonical);
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  static String sha512Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-512", e);
    }
  }

  /** Lower-cased names sorted, {@code [name1, value1, name2, value2, ...]} joined with NUL. */
  private static byte[] duoHeadersBytes(Map<String, String> headers) {
    if (headers == null || headers.isEmpty()) {
      return new byte[0];
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    headers.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value));
    StringBuilder out = new StringBuilder();
    sorted.forEach((name, value) -> {
      if (out.length() > 0) {
        out.append('\0');
      }
      out.append(name).append('\0').append(value);
    });
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DuoSigner[" + scheme + ", " + integrationKey + ", secret key redacted]";
  }
}
