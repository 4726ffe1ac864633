package dev.gatehouse.domain.entry;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The name of an entry, unique in its workspace; the same rules as workspace names. */
public record EntryName(String value) implements Comparable<EntryName> {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public EntryName {
    value = Require.notBlank("entryName", value).strip();
    Require.matches("entryName", value, SHAPE,
        "1 to 64 letters, digits or . _ - (starting with a letter or digit)");
  }

  @Override
  public int compareTo(EntryName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
