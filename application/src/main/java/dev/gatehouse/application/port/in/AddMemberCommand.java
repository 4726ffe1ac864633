package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;

/**
 * Add a user to a workspace, or change a member's role (administrators). Without a role a new
 * member is a reader and an existing one keeps their role.
 */
public record AddMemberCommand(UserName actor, WorkspaceName workspace, UserName member,
    Optional<MemberRole> role) {
  public AddMemberCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("member", member);
    Require.notNull("role", role);
  }

  public AddMemberCommand(UserName actor, WorkspaceName workspace, UserName member) {
    this(actor, workspace, member, Optional.empty());
  }
}
