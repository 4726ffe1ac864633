package dev.gatehouse.domain.workspace;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The unique, human-chosen name of a workspace. */
public record WorkspaceName(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public WorkspaceName {
    value = Require.notBlank("workspaceName", value).strip();
    Require.matches("workspaceName", value, SHAPE,
        "1 to 64 letters, digits or . _ - (starting with a letter or digit)");
  }

  @Override
  public String toString() {
    return value;
  }
}
