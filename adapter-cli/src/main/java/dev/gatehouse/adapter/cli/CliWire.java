package dev.gatehouse.adapter.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** How values look on the wire of {@code --json}: lower-case names, ISO-8601 instants, null when absent. */
final class CliWire {
  private CliWire() {}

  static String name(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  static String instant(Instant value) {
    return value == null ? null : value.toString();
  }

  static <T> String text(Optional<T> value) {
    return value.map(Object::toString).orElse(null);
  }
}
