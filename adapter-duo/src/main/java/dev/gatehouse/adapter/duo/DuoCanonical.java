package dev.gatehouse.adapter.duo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Duo's parameter encoding (duo-auth-api.md §3.3): UTF-8, everything but {@code A-Za-z0-9-_.~}
 * as upper-case {@code %XX}, pairs sorted by encoded name then encoded value, joined with
 * {@code &}. The same string is the canonical params line and the form body sent on the wire.
 */
final class DuoCanonical {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private DuoCanonical() {}

  static String encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0f]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '~';
  }

  /** The canonical params line for decoded name/value pairs (repeated names allowed). */
  static String params(List<Map.Entry<String, String>> pairs) {
    List<String[]> encoded = new ArrayList<>(pairs.size());
    for (Map.Entry<String, String> pair : pairs) {
      encoded.add(new String[] {encode(pair.getKey()), encode(pair.getValue())});
    }
    // Encoded strings are pure ASCII, so String order is byte order.
    encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    return encoded.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
  }

  static String params(Map<String, String> params) {
    return params(List.copyOf(params.entrySet()));
  }

  /**
   * Decodes a form-encoded or query string into pairs: {@code +} is a space (form rules), and
   * {@code %XX} sequences are UTF-8 bytes. A malformed escape is kept literally.
   */
  static List<Map.Entry<String, String>> decodePairs(String encoded) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return pairs;
    }
    for (String part : encoded.split("&", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(Map.entry(decode(name, true), decode(value, true)));
    }
    return pairs;
  }

  /** Percent-decodes; {@code plusIsSpace} applies form rules. */
  static String decode(String text, boolean plusIsSpace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()
          && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        out.write(hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.writeBytes(bytes);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
