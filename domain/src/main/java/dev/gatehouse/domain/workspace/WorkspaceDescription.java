package dev.gatehouse.domain.workspace;

import dev.gatehouse.domain.common.Require;

/** Free text telling members what a workspace holds; may be empty. */
public record WorkspaceDescription(String value) {
  public static final WorkspaceDescription NONE = new WorkspaceDescription("");

  public WorkspaceDescription {
    value = Require.notNull("description", value).strip();
    Require.maxLength("description", value, 500);
    Require.noControlCharacters("description", value);
  }
}
