package dev.gatehouse.application.port.in;

/** Adds members to workspaces, or changes their role; answers the workspace as it now is. */
public interface AddMemberUseCase {
  WorkspaceDetails add(AddMemberCommand command);
}
