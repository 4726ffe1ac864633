package dev.gatehouse.application.port.in;

/** Reads one workspace with its Duo summary. */
public interface GetWorkspaceUseCase {
  WorkspaceDetails get(GetWorkspaceQuery query);
}
