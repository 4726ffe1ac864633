package dev.gatehouse.application.service.common;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;

/** Authorization inside the use cases: who the actor is and what their role and membership allow. */
public final class Access {
  private final UserRepository users;
  private final WorkspaceRepository workspaces;

  public Access(UserRepository users, WorkspaceRepository workspaces) {
    this.users = users;
    this.workspaces = workspaces;
  }

  public User actor(UserName name) {
    User user = Transactions.read(() -> users.find(name))
        .orElseThrow(() -> new AccessDeniedException("unknown user " + name));
    if (user.isDisabled()) {
      throw new AccessDeniedException("user " + name + " is disabled");
    }
    return user;
  }

  public User administrator(UserName name) {
    User user = actor(name);
    if (!user.isAdministrator()) {
      throw new AccessDeniedException(name + " is not an administrator");
    }
    return user;
  }

  public User existingUser(UserName name) {
    return Transactions.read(() -> users.find(name))
        .orElseThrow(() -> new NotFoundException("no user named " + name));
  }

  /** The workspace, locked for a change of its members (call inside a unit of work). */
  public Workspace workspaceForUpdate(WorkspaceName name) {
    return workspaces.findForUpdate(name)
        .orElseThrow(() -> new NotFoundException("no workspace named " + name));
  }

  public Workspace workspace(WorkspaceName name) {
    return Transactions.read(() -> workspaces.find(name))
        .orElseThrow(() -> new NotFoundException("no workspace named " + name));
  }

  /** The workspace by id (a challenge's or a session's); call inside a read. */
  public Workspace workspaceOf(WorkspaceId id) {
    return workspaces.find(id).orElseThrow(() -> new NotFoundException("the workspace no longer exists"));
  }

  /** The member's role in the workspace; empty when the user is not a member (one look-up). */
  public Optional<MemberRole> roleOf(Workspace workspace, UserName user) {
    return Transactions.read(() -> workspaces.roleOf(workspace.id(), user));
  }

  /** The workspace, if the actor is one of its members. */
  public Workspace workspaceOfMember(User actor, WorkspaceName name) {
    Workspace workspace = workspace(name);
    if (roleOf(workspace, actor.name()).isEmpty()) {
      throw new AccessDeniedException(actor.name() + " is not a member of workspace " + name);
    }
    return workspace;
  }

  /** The workspace, if the actor administers Gatehouse or is one of its members. */
  public Workspace workspaceVisibleTo(User actor, WorkspaceName name) {
    Workspace workspace = workspace(name);
    if (!actor.isAdministrator() && roleOf(workspace, actor.name()).isEmpty()) {
      throw new AccessDeniedException(actor.name() + " is not a member of workspace " + name);
    }
    return workspace;
  }
}
