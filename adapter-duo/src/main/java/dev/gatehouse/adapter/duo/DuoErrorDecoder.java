package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns every non-2xx answer into a {@link DuoApiException}: Duo's error envelope
 * {@code stat/code/message/message_detail} when the body has one, the bare HTTP status otherwise,
 * and {@code Retry-After} (or {@code X-Retry-After}) in seconds or as an HTTP date.
 */
final class DuoErrorDecoder implements ErrorDecoder {
  private final ObjectMapper mapper;
  private final Clock clock;

  DuoErrorDecoder(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
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
