package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;
import java.util.Optional;

/** Stores workspaces and their members. Methods throw {@link StorageException} when storage fails. */
public interface WorkspaceRepository {
  /** Stores a new workspace; throws {@link DuplicateEntryException} when the name is taken. */
  void add(Workspace workspace);

  /** Replaces a stored workspace (its members); the identity must exist. */
  void update(Workspace workspace);

  Optional<Workspace> find(WorkspaceName name);

  /**
   * The workspace, locked until the running unit of work ends: read it this way before changing
   * its members, so that two concurrent changes never overwrite each other.
   */
  Optional<Workspace> findForUpdate(WorkspaceName name);

  Optional<Workspace> find(WorkspaceId id);

  /** All workspaces, sorted by name. */
  List<Workspace> list();

  /** The user's role in the workspace; empty when they are not a member. */
  default Optional<MemberRole> roleOf(WorkspaceId workspace, UserName user) {
    return find(workspace).flatMap(w -> w.roleOf(user));
  }
}
