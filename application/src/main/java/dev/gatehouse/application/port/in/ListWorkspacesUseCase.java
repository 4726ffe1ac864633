package dev.gatehouse.application.port.in;

import java.util.List;

/** Lists workspaces, sorted by name. */
public interface ListWorkspacesUseCase {
  List<WorkspaceDetails> list(ListWorkspacesQuery query);
}
