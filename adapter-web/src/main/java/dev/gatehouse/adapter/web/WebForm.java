package dev.gatehouse.adapter.web;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Parses a form's fields into domain values, collecting one message per invalid field. */
final class WebForm {
  private final Map<String, String> errors = new LinkedHashMap<>();

  /** The parsed value, or null after recording the field's error. */
  <T> T parse(String field, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (InvalidValueException | IllegalArgumentException e) {
      errors.put(field, e instanceof InvalidValueException invalid ? invalid.reason() : e.getMessage());
      return null;
    }
  }

  void reject(String field, String reason) {
    errors.put(field, reason);
  }

  boolean valid() {
    return errors.isEmpty();
  }

  Map<String, String> errors() {
    return Map.copyOf(errors);
  }
}
