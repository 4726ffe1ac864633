package dev.gatehouse.domain.workspace;

import dev.gatehouse.domain.common.Require;
import java.time.Instant;
import java.util.Objects;

/**
 * A shared collection of remote connections and credentials. Who may open it (its members and
 * their {@link MemberRole}s) is a relation of its own, kept beside the workspace, not inside it:
 * a workspace has any number of members, and asking for one member's role never loads the others.
 */
public final class Workspace {
  private final WorkspaceId id;
  private final WorkspaceName name;
  private final WorkspaceDescription description;
  private final Instant createdAt;

  private Workspace(WorkspaceId id, WorkspaceName name, WorkspaceDescription description, Instant createdAt) {
    this.id = Require.notNull("workspaceId", id);
    this.name = Require.notNull("workspaceName", name);
    this.description = Require.notNull("description", description);
    this.createdAt = Require.notNull("createdAt", createdAt);
  }

  public static Workspace create(WorkspaceId id, WorkspaceName name,
      WorkspaceDescription description, Instant now) {
    return new Workspace(id, name, description, now);
  }

  public static Workspace restore(WorkspaceId id, WorkspaceName name,
      WorkspaceDescription description, Instant createdAt) {
    return new Workspace(id, name, description, createdAt);
  }

  public WorkspaceId id() {
    return id;
  }

  public WorkspaceName name() {
    return name;
  }

  public WorkspaceDescription description() {
    return description;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Workspace other && id.equals(other.id) && name.equals(other.name)
        && description.equals(other.description) && createdAt.equals(other.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name);
  }

  @Override
  public String toString() {
    return "Workspace[" + name + "]";
  }
}
