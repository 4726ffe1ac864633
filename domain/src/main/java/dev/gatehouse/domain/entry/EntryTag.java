package dev.gatehouse.domain.entry;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** A short label for grouping and finding entries. */
public record EntryTag(String value) implements Comparable<EntryTag> {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  public EntryTag {
    value = Require.notBlank("tag", value).strip();
    Require.matches("tag", value, SHAPE, "1 to 32 letters, digits or . _ - (starting with a letter or digit)");
  }

  @Override
  public int compareTo(EntryTag other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
