package dev.gatehouse.adapter.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How values look on the wire of {@code --json}: lower-case names, ISO-8601 instants, null when
 * absent. The one place this face turns an enum without a domain {@code wireName()} into text.
 */
final class CliWire {
  private CliWire() {}

  /** The enum's wire name ({@code locked_out}); use the domain's {@code wireName()} where it has one. */
  static String name(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  /** The wire name as words for a message line ({@code locked out}). */
  static String words(Enum<?> value) {
    return name(value).replace('_', ' ');
  }

  static String instant(Instant value) {
    return value == null ? null : value.toString();
  }

  static <T> String text(Optional<T> value) {
    return value.map(Object::toString).orElse(null);
  }
}
