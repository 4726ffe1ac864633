package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.UserName;
import java.util.List;

/** A workspace with its members and its second factor (the Duo secret key is never shown). */
record RestWorkspace(String id, String name, String description, List<String> members,
    String createdAt, RestMfa mfa) {
  static RestWorkspace from(WorkspaceDetails details) {
    var workspace = details.workspace();
    return new RestWorkspace(workspace.id().value(), workspace.name().value(),
        workspace.description().value(), workspace.members().stream().map(UserName::value).toList(),
        workspace.createdAt().toString(), RestMfa.from(details.duo()));
  }
}
