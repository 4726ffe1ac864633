package dev.gatehouse.domain.workspace;

import java.util.Locale;

/** What a member may do inside a workspace: readers list, show and reveal entries; editors also change them. */
public enum MemberRole {
  READER,
  EDITOR;

  public boolean canEditEntries() {
    return this == EDITOR;
  }

  /** The lower-case name used on every face ({@code reader}, {@code editor}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} for anything else. */
  public static MemberRole fromWireName(String value) {
    for (MemberRole role : values()) {
      if (role.wireName().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("must be reader or editor");
  }
}
