package dev.gatehouse.domain.common;

import java.time.Duration;
import java.util.regex.Pattern;

/** The one validation helper of the core: every check throws {@link InvalidValueException}. */
public final class Require {
  private Require() {}

  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new InvalidValueException(field, "is required");
    }
    return value;
  }

  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, "must not be blank");
    }
    return value;
  }

  public static String maxLength(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidValueException(field, "must be at most " + max + " characters");
    }
    return value;
  }

  /** Checks the value against a pattern; the reason names the expected shape, never the value. */
  public static String matches(String field, String value, Pattern pattern, String shape) {
    if (!pattern.matcher(value).matches()) {
      throw new InvalidValueException(field, "must be " + shape);
    }
    return value;
  }

  /** Checks the value's length in UTF-8 bytes, the unit storage and wire limits count in. */
  public static String maxUtf8Bytes(String field, String value, int max) {
    long bytes = value.codePoints()
        .mapToLong(c -> c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4)
        .sum();
    if (bytes > max) {
      throw new InvalidValueException(field, "must be at most " + max + " bytes");
    }
    return value;
  }

  public static String noControlCharacters(String field, String value) {
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException(field, "must not contain control characters");
    }
    return value;
  }

  public static int inRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidValueException(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  public static Duration inRange(String field, Duration value, Duration min, Duration max) {
    notNull(field, value);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidValueException(
          field, "must be between " + min.toSeconds() + " and " + max.toSeconds() + " seconds");
    }
    return value;
  }
}
