package dev.gatehouse.duosim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator received: method, path, decoded parameters, the signature version that
 * matched ({@code v1-sha1}, {@code v2-sha1}, {@code v2-sha512}, {@code v1-sha512}, {@code v4}, {@code v5},
 * or null), and what was answered ({@code status} 0 while still pending; {@code errorCode} 0 unless a Duo
 * error; {@code fault} names an injected fault).
 */
public record LoggedRequest(
    long sequence,
    Instant receivedAt,
    String method,
    String path,
    String host,
    String userAgent,
    Map<String, List<String>> params,
    String signatureVersion,
    String integrationKey,
    int status,
    int errorCode,
    String fault) {

  public LoggedRequest {
    params = Map.copyOf(params);
  }

  /** The first value of a parameter, or null. */
  public String param(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
