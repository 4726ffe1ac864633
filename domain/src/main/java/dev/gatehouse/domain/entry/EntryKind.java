package dev.gatehouse.domain.entry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an entry connects to. */
public enum EntryKind {
  RDP,
  SSH,
  VNC,
  WEB,
  DATABASE,
  OTHER;

  /** The lower-case name used on every face. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} naming the accepted values. */
  public static EntryKind fromWireName(String value) {
    for (EntryKind kind : values()) {
      if (kind.wireName().equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("must be one of " + accepted());
  }

  /** The accepted wire names, for messages: {@code rdp, ssh, vnc, web, database, other}. */
  public static String accepted() {
    return Arrays.stream(values()).map(EntryKind::wireName).collect(Collectors.joining(", "));
  }
}
