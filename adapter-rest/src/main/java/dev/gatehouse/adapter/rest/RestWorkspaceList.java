package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.WorkspaceDetails;
import java.util.List;

/** The workspaces the actor may see, by name. */
record RestWorkspaceList(List<RestWorkspace> workspaces) {
  static RestWorkspaceList from(List<WorkspaceDetails> details) {
    return new RestWorkspaceList(details.stream().map(RestWorkspace::from).toList());
  }
}
