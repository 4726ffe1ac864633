package dev.gatehouse.duosim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Decodes form and query strings and re-encodes parameters the way Duo canonicalises them (§3.3). */
final class FormCodec {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FormCodec() {}

  /** Form-decodes {@code a=b&c=d}; {@code +} is a space, repeated names keep every value. */
  static Map<String, List<String>> decode(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.computeIfAbsent(urlDecode(name), k -> new ArrayList<>()).add(urlDecode(value));
    }
    return out;
  }

  private static String urlDecode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("malformed percent-encoding in parameters");
    }
  }

  /** Percent-encodes with the unreserved set {@code A-Za-z0-9-_.~}, upper-case hex, UTF-8. */
  static String encode(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  /** The canonical parameter line: encoded names sorted, then encoded values, joined by {@code &}. */
  static String canonicalParams(Map<String, List<String>> params) {
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    params.forEach((name, values) -> {
      List<String> encoded = new ArrayList<>();
      for (String v : values) {
        encoded.add(encode(v));
      }
      sorted.computeIfAbsent(encode(name), k -> new ArrayList<>()).addAll(encoded);
    });
    StringBuilder sb = new StringBuilder();
    sorted.forEach((name, values) -> {
      values.sort(null);
      for (String v : values) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(name).append('=').append(v);
      }
    });
    return sb.toString();
  }

  /** Signals a request whose parameters or body cannot be decoded. */
  static final class MalformedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
      super(message);
    }
  }
}
