package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.workspace.Workspace;

/** Adds members to workspaces. */
public interface AddMemberUseCase {
  Workspace add(AddMemberCommand command);
}
