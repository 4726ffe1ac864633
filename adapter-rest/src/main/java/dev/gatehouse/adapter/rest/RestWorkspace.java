package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.UserName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace with its members (names, as before, and {@code roles}: each member's role by name)
 * and its second factor (the Duo secret key is never shown).
 */
record RestWorkspace(String id, String name, String description, List<String> members,
    Map<String, String> roles, String createdAt, RestMfa mfa) {
  static RestWorkspace from(WorkspaceDetails details) {
    var workspace = details.workspace();
    Map<String, String> roles = new LinkedHashMap<>();
    details.members().forEach((member, role) -> roles.put(member.value(), role.wireName()));
    return new RestWorkspace(workspace.id().value(), workspace.name().value(),
        workspace.description().value(), details.members().keySet().stream().map(UserName::value).toList(),
        roles, workspace.createdAt().toString(), RestMfa.from(details.duo()));
  }
}
