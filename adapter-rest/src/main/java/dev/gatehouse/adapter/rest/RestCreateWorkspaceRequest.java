package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** {@code POST /api/v1/workspaces}: name and optional description. */
record RestCreateWorkspaceRequest(String name, String description) {
  CreateWorkspaceCommand toCommand(UserName actor) {
    RestFields fields = new RestFields();
    WorkspaceName workspace = fields.parse("name", () -> new WorkspaceName(name));
    WorkspaceDescription text = fields.parse("description",
        () -> description == null ? WorkspaceDescription.NONE : new WorkspaceDescription(description));
    fields.check();
    return new CreateWorkspaceCommand(actor, workspace, text);
  }
}
