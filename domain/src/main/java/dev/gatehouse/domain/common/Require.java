package dev.gatehouse.domain.common;

/** The one validation helper of the core: every check throws {@link InvalidValueException}. */
public final class Require {
  private Require() {}

  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new InvalidValueException(field, "is required");
    }
    return value;
  }
}
