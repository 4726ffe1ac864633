package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.workspace.Workspace;

/** Removes members from workspaces. */
public interface RemoveMemberUseCase {
  Workspace remove(RemoveMemberCommand command);
}
