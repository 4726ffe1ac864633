package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Turns every non-2xx answer into a {@link DuoApiException}: Duo's error envelope
 * {@code stat/code/message/message_detail} when the body has one, the bare HTTP status otherwise,
 * and {@code Retry-After} (or {@code X-Retry-After}) in seconds or as an HTTP date. A redirect
 * becomes a {@link DuoRedirectException} naming only the target's host.
 */
final class DuoErrorDecoder implements ErrorDecoder {
  /** A DNS name or an IP address (IPv6 in brackets), nothing that could forge a log line. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");

  private final ObjectMapper mapper;
  private final Clock clock;

  DuoErrorDecoder(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    if (response.status() >= 300 && response.status() < 400) {
      return new DuoRedirectException(response.status(), hostOf(DuoResponseDecoder.header(response, "Location")));
    }
    Duration retryAfter = retryAfter(response);
    JsonNode root = null;
    try {
      byte[] body = DuoResponseDecoder.bytes(response);
      if (body.length > 0) {
        root = mapper.readTree(body);
      }
    } catch (IOException | RuntimeException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return new DuoApiException(response.status(), null, null, null, retryAfter);
    }
    return fromEnvelope(response.status(), root, retryAfter);
  }

  /**
   * The host of a redirect's {@code Location}, or null when it names none. Only the host: the path
   * and query of a proxy's login page may carry tokens, and nothing else is needed to fix the setting.
   */
  static String hostOf(String location) {
    if (location == null || location.isBlank()) {
      return null;
    }
    try {
      String host = new URI(location.strip()).getHost();
      return host != null && HOST.matcher(host).matches() ? host : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  static DuoApiException fromEnvelope(int httpStatus, JsonNode root, Duration retryAfter) {
    return new DuoApiException(httpStatus, code(root.get("code")), text(root.get("message")),
        text(root.get("message_detail")), retryAfter);
  }

  /** Duo's code is an integer; some answers carry it as a string (duo-auth-api.md §1). */
  private static Integer code(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.canConvertToInt() && node.isIntegralNumber()) {
      return node.asInt();
    }
    if (node.isTextual()) {
      try {
        return Integer.valueOf(node.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private Duration retryAfter(Response response) {
    String value = DuoResponseDecoder.header(response, "Retry-After");
    if (value.isBlank()) {
      value = DuoResponseDecoder.header(response, "X-Retry-After");
    }
    return parseRetryAfter(value.strip(), clock);
  }

  static Duration parseRetryAfter(String value, Clock clock) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(clock.instant(), at.toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
