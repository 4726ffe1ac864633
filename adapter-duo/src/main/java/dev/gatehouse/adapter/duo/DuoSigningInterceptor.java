package dev.gatehouse.adapter.duo;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Signs every Duo request except {@code /ping} (duo-auth-api.md §3): a fresh date per request and
 * per retry (Feign applies interceptors to every attempt), the canonical string built from what
 * actually goes on the wire, and the {@code Date} and {@code Authorization} headers replaced, never
 * appended.
 */
final class DuoSigningInterceptor implements RequestInterceptor {
  static final String PING_PATH = "/auth/v2/ping";

  private final DuoSigner signer;
  private final String host;
  private final Supplier<String> date;

  /** {@code host} is the API hostname without port, as signed; {@code date} yields RFC 2822 dates. */
  DuoSigningInterceptor(DuoSigner signer, String host, Supplier<String> date) {
    this.signer = signer;
    this.host = host.toLowerCase(Locale.ROOT);
    this.date = date;
  }

  @Override
  public void apply(RequestTemplate template) {
    template.removeHeader("Authorization");
    template.removeHeader("Date");
    String path = pathOf(template);
    if (PING_PATH.equals(path)) {
      return;
    }
    String method = template.method().toUpperCase(Locale.ROOT);
    String now = date.get();
    byte[] body = template.body();
    List<Map.Entry<String, String>> params;
    byte[] signedBody = null;
    if ("GET".equals(method) || "DELETE".equals(method) || "HEAD".equals(method)) {
      params = queryParams(template);
    } else if (signer.scheme().jsonBodies()) {
      params = List.of();
      signedBody = body == null ? new byte[0] : body;
    } else {
      params = DuoCanonical.decodePairs(body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }
    String canonical = DuoSigner.canonical(signer.scheme(), now, method, host, path, params, signedBody,
        signer.scheme().version() == 5 ? duoHeaders(template) : Map.of());
    template.headerLiteral("Date", now);
    template.headerLiteral("Authorization", signer.authorization(canonical));
  }

  private static String pathOf(RequestTemplate template) {
    String path = template.path();
    if (path.startsWith("http://") || path.startsWith("https://")) {
      path = URI.create(path).getRawPath();
    }
    return path;
  }

  /** The query exactly as it will be sent, decoded as the server decodes it. */
  private static List<Map.Entry<String, String>> queryParams(RequestTemplate template) {
    String line = template.queryLine();
    return DuoCanonical.decodePairs(line.startsWith("?") ? line.substring(1) : line);
  }

  private static Map<String, String> duoHeaders(RequestTemplate template) {
    Map<String, String> headers = new TreeMap<>();
    for (Map.Entry<String, Collection<String>> h : template.headers().entrySet()) {
      if (h.getKey().toLowerCase(Locale.ROOT).startsWith("x-duo-") && !h.getValue().isEmpty()) {
        headers.put(h.getKey(), String.join(",", h.getValue()));
      }
    }
    return headers;
  }
}
