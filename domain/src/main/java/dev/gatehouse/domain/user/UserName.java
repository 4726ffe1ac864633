package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import java.util.Locale;

/**
 * The name a person is known by in Gatehouse (and, unless told otherwise, in Duo). Names compare
 * case-insensitively, as Duo usernames do: the value is canonical, in lower case, so {@code Alice}
 * and {@code alice} are one name wherever names are compared, used as keys or stored.
 */
public record UserName(String value) implements Comparable<UserName> {
  private static final int MAX_LENGTH = 64;
  private static final String SHAPE = "1 to 64 letters, digits or . _ @ - (starting with a letter or digit)";

  public UserName {
    if (!isCanonical(value)) {
      value = Require.notBlank("userName", value).strip().toLowerCase(Locale.ROOT);
      if (!isCanonical(value)) {
        throw new InvalidValueException("userName", "must be " + SHAPE);
      }
    }
  }

  /**
   * A name as a storage adapter reads it back. Stored names were canonical when written (the
   * database checks it too), so this costs one scan of at most 64 characters: no regular
   * expression, no copy. Storage adapters use it on every read path.
   */
  public static UserName trusted(String stored) {
    return new UserName(stored);
  }

  /** Whether the text already is a canonical name: lower case ASCII letters, digits, {@code . _ @ -}. */
  private static boolean isCanonical(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || !isLetterOrDigit(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != '@' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  @Override
  public int compareTo(UserName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
