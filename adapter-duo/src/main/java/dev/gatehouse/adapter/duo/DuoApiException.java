package dev.gatehouse.adapter.duo;

import feign.FeignException;
import java.time.Duration;
import java.util.Optional;

/**
 * Duo answered with an error: a non-2xx status, or {@code stat: FAIL} in a 200. Carries Duo's
 * {@code code}, {@code message} and {@code message_detail} and any {@code Retry-After}. Never
 * leaves the adapter: {@link DuoErrors} translates it into the port's exceptions.
 */
final class DuoApiException extends FeignException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final Integer code;
  private final String duoMessage;
  private final String detail;
  private final transient Duration retryAfter;

  DuoApiException(int httpStatus, Integer code, String duoMessage, String detail, Duration retryAfter) {
    super(httpStatus, describe(httpStatus, code, duoMessage, detail));
    this.httpStatus = httpStatus;
    this.code = code;
    this.duoMessage = duoMessage;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }

  static String describe(int httpStatus, Integer code, String message, String detail) {
    StringBuilder out = new StringBuilder("HTTP ").append(httpStatus);
    if (code != null) {
      out.append(", code ").append(code);
    }
    if (message != null && !message.isBlank()) {
      out.append(": ").append(message.strip());
    }
    if (detail != null && !detail.isBlank()) {
      out.append(" (").append(detail.strip()).append(')');
    }
    return out.toString();
  }

  int httpStatus() {
    return httpStatus;
  }

  Optional<Integer> code() {
    return Optional.ofNullable(code);
  }

  Optional<String> duoMessage() {
    return Optional.ofNullable(duoMessage);
  }

  Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The HTTP class the answer means: the status, or for {@code stat: FAIL} in a 200 the code's first three digits. */
  int effectiveStatus() {
    if (httpStatus != 200) {
      return httpStatus;
    }
    if (code != null && code >= 10000 && code <= 99999) {
      return code / 100;
    }
    return 200;
  }

  boolean isRateLimited() {
    return effectiveStatus() == 429;
  }

  /** 401 with code 40105: the request date was outside Duo's window. */
  boolean isBadTimestamp() {
    return effectiveStatus() == 401 && code != null && code == 40105;
  }
}
