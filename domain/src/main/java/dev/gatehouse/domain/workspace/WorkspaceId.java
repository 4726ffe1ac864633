package dev.gatehouse.domain.workspace;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The permanent identity of a workspace, issued by Gatehouse. */
public record WorkspaceId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  public WorkspaceId {
    Require.notNull("workspaceId", value);
    Require.matches("workspaceId", value, SHAPE, "8 to 64 URL-safe characters");
  }

  @Override
  public String toString() {
    return value;
  }
}
