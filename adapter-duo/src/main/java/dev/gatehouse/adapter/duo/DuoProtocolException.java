package dev.gatehouse.adapter.duo;

import feign.FeignException;

/** Duo's answer could not be understood: not JSON, no {@code stat}, or a missing field. */
final class DuoProtocolException extends FeignException {
  private static final long serialVersionUID = 1L;

  DuoProtocolException(int httpStatus, String message) {
    super(httpStatus, message);
  }

  DuoProtocolException(int httpStatus, String message, Throwable cause) {
    super(httpStatus, message, cause);
  }
}
