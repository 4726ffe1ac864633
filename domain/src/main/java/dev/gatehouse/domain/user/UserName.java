package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The name a person is known by in Gatehouse (and, unless told otherwise, in Duo). */
public record UserName(String value) implements Comparable<UserName> {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  public UserName {
    value = Require.notBlank("userName", value).strip();
    Require.matches("userName", value, SHAPE,
        "1 to 64 letters, digits or . _ @ - (starting with a letter or digit)");
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
