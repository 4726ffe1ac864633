package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A workspace with its members, their roles and its Duo summary ({@code mfa} is {@code none} or {@code duo}). */
record CliWorkspace(String id, String name, String description, List<String> members,
    Map<String, String> roles, String createdAt, String mfa, CliDuoSummary duo) {
  static CliWorkspace from(WorkspaceDetails details) {
    Workspace workspace = details.workspace();
    return new CliWorkspace(workspace.id().value(), workspace.name().value(),
        workspace.description().value(), details.members().keySet().stream().map(UserName::value).toList(),
        rolesOf(details), CliWire.instant(workspace.createdAt()), details.duo().isPresent() ? "duo" : "none",
        details.duo().map(CliDuoSummary::from).orElse(null));
  }

  /** A workspace just created: no members yet, no second factor. */
  static CliWorkspace created(Workspace workspace) {
    return from(new WorkspaceDetails(workspace, new TreeMap<>(), Optional.empty()));
  }

  /** Each member's role by name: {@code reader} or {@code editor}. */
  private static Map<String, String> rolesOf(WorkspaceDetails details) {
    Map<String, String> roles = new TreeMap<>();
    details.members().forEach((member, role) -> roles.put(member.value(), role.wireName()));
    return roles;
  }
}
