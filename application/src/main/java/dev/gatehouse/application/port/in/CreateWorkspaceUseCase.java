package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.workspace.Workspace;

/** Creates workspaces. */
public interface CreateWorkspaceUseCase {
  Workspace create(CreateWorkspaceCommand command);
}
