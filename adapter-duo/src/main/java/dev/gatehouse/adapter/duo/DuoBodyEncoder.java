package dev.gatehouse.adapter.duo;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Places {@link DuoParams} where Duo wants them (duo-auth-api.md §1, §3.7): for GET the query,
 * already in canonical encoding so Feign's templates pass it through untouched; for POST the
 * body, as the canonical form string for v1/v2 signatures (as Duo's Java client does) or as a
 * JSON object of strings for v5, serialised exactly as Duo's Python client does it (sorted keys,
 * no spaces, non-ASCII as lower-case {@code \\uXXXX}).
 */
final class DuoBodyEncoder implements Encoder {
  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON = "application/json";

  private final boolean json;

  DuoBodyEncoder(boolean json) {
    this.json = json;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    if (!(object instanceof DuoParams params)) {
      throw new EncodeException("Duo bodies are DuoParams, not " + bodyType);
    }
    String method = template.method();
    if ("GET".equals(method) || "DELETE".equals(method)) {
      // Canonical values hold only unreserved characters and %XX, which Feign never re-encodes.
      params.values().forEach((name, value) ->
          template.query(DuoCanonical.encode(name), DuoCanonical.encode(value)));
      return;
    }
    template.removeHeader("Content-Type");
    if (json) {
      template.headerLiteral("Content-Type", JSON);
      template.body(json(params.values()).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    } else {
      template.headerLiteral("Content-Type", FORM);
      template.body(DuoCanonical.params(params.values()).getBytes(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
    }
  }

  /** Python's {@code json.dumps(params, sort_keys=True, separators=(',', ':'))}. */
  static String json(Map<String, String> sorted) {
    StringBuilder out = new StringBuilder(64);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, e.getKey());
      out.append(':');
      string(out, e.getValue());
    }
    return out.append('}').toString();
  }

  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
