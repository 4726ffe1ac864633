package dev.gatehouse.domain.entry;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The permanent identity of an entry, issued by Gatehouse; it survives renames. */
public record EntryId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  public EntryId {
    Require.notNull("entryId", value);
    Require.matches("entryId", value, SHAPE, "8 to 64 URL-safe characters");
  }

  @Override
  public String toString() {
    return value;
  }
}
