package dev.gatehouse.application.port.in.challenge;

/** Opens workspaces: granted, pending a Duo challenge, or denied. */
public interface OpenWorkspaceUseCase {
  UnlockResult open(OpenWorkspaceCommand command);
}
