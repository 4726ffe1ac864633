package dev.gatehouse.duosim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A client-side Duo signer for tests, written separately from the simulator's verifier. */
final class TestSigner {

  private TestSigner() {}

  static String quote(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (Character.isLetterOrDigit(c) && c < 128 || "-_.~".indexOf(c) >= 0) {
        sb.append(c);
      } else {
        sb.append(String.format("%%%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  static String params(Map<String, String> params) {
    TreeMap<String, String> sorted = new TreeMap<>();
    params.forEach((k, v) -> sorted.put(quote(k), quote(v)));
    List<String> parts = new ArrayList<>();
    sorted.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join("&", parts);
  }

  static String canonical(int version, String date, String method, String host, String path,
      Map<String, String> params, byte[] body, Map<String, String> duoHeaders) {
    String base = String.join("\n", method.toUpperCase(Locale.ROOT), host.toLowerCase(Locale.ROOT), path);
    switch (version) {
      case 1:
        return base + "\n" + params(params);
      case 2:
        return date + "\n" + base + "\n" + params(params);
      case 4:
        return date + "\n" + base + "\n" + params(params) + "\n" + sha512(body);
      default:
        TreeMap<String, String> headers = new TreeMap<>();
        duoHeaders.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        List<String> parts = new ArrayList<>();
        headers.forEach((k, v) -> {
          parts.add(k);
          parts.add(v);
        });
        return date + "\n" + base + "\n" + params(params) + "\n" + sha512(body) + "\n"
            + sha512(String.join("\0", parts).getBytes(StandardCharsets.UTF_8));
    }
  }

  static String hmac(String algorithm, String key, String canonical) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String authorization(String ikey, String signatureHex) {
    return "Basic " + Base64.getEncoder().encodeToString((ikey + ":" + signatureHex).getBytes(StandardCharsets.UTF_8));
  }

  static String sha512(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(body == null ? new byte[0] : body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
