package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parses request fields into domain values, collecting every field's error under the name the
 * client used, so one 400 answer lists all invalid fields.
 */
final class RestFields {
  private final List<RestFieldError> errors = new ArrayList<>();

  /** The parsed value, or null after recording the field's error. */
  <T> T parse(String field, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (InvalidValueException e) {
      errors.add(new RestFieldError(field, e.reason()));
      return null;
    }
  }

  /**
   * The value, or null after recording the error under the field the domain named, with the
   * prefix (for a value checked as a whole, such as entry details: {@code port}, {@code secret.password}).
   */
  <T> T parseNamed(String prefix, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (InvalidValueException e) {
      errors.add(new RestFieldError(prefix + e.field(), e.reason()));
      return null;
    }
  }

  void reject(String field, String reason) {
    errors.add(new RestFieldError(field, reason));
  }

  /** Throws the collected errors, if any. */
  void check() {
    if (!errors.isEmpty()) {
      throw RestInputException.invalid(errors);
    }
  }

  /** Parses one value, throwing its error at once. */
  static <T> T one(String field, Supplier<T> parser) {
    RestFields fields = new RestFields();
    T value = fields.parse(field, parser);
    fields.check();
    return value;
  }
}
