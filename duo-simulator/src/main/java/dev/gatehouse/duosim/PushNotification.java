package dev.gatehouse.duosim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a device received for one push or call: the request's {@code type}, {@code display_username}
 * and {@code pushinfo} (raw, and decoded as the URL-encoded {@code k=v&...} string it is).
 */
public record PushNotification(
    String txid,
    String deviceId,
    String username,
    String factor,
    Instant receivedAt,
    String type,
    String displayUsername,
    String pushinfo,
    Map<String, List<String>> pushinfoFields) {
  public PushNotification {
    pushinfoFields = pushinfoFields == null ? Map.of() : Map.copyOf(pushinfoFields);
  }
}
