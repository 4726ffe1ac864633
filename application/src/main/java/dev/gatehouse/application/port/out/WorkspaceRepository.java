package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Stores workspaces and, beside them, their membership: which users are members of which
 * workspace, in which role. Asking for one member's role is one look-up, whatever the number of
 * members. Methods throw {@link StorageException} when storage fails.
 */
public interface WorkspaceRepository {
  /** Stores a new workspace (without members); throws {@link DuplicateEntryException} when the name is taken. */
  void add(Workspace workspace);

  /** Replaces a stored workspace's name and description; the identity must exist. */
  void update(Workspace workspace);

  Optional<Workspace> find(WorkspaceName name);

  /**
   * The workspace, locked until the running unit of work ends: read it this way before changing
   * its members, so that concurrent changes of one workspace's membership run one after another.
   */
  Optional<Workspace> findForUpdate(WorkspaceName name);

  Optional<Workspace> find(WorkspaceId id);

  /** All workspaces, sorted by name. */
  List<Workspace> list();

  /** The workspaces the user is a member of, sorted by name. */
  List<Workspace> listOf(UserName member);

  /** The user's role in the workspace; empty when they are not a member (or either does not exist). */
  Optional<MemberRole> roleOf(WorkspaceId workspace, UserName user);

  /**
   * Makes the user a member of the workspace in the role, or changes their role if they are one;
   * both must exist (a {@link StorageException} otherwise).
   */
  void putMember(WorkspaceId workspace, UserName user, MemberRole role);

  /** Ends the user's membership; false when they were not a member. */
  boolean removeMember(WorkspaceId workspace, UserName user);

  /** All members of the workspace with their roles, sorted by name; empty for an unknown workspace. */
  SortedMap<UserName, MemberRole> members(WorkspaceId workspace);

  /** How many members the workspace has. */
  int memberCount(WorkspaceId workspace);
}
