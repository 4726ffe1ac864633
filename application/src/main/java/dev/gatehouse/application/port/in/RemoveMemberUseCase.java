package dev.gatehouse.application.port.in;

/** Removes members from workspaces; answers the workspace as it now is. */
public interface RemoveMemberUseCase {
  WorkspaceDetails remove(RemoveMemberCommand command);
}
