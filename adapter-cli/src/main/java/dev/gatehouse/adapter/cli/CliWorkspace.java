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
    return from(details.workspace(), details.duo().map(CliDuoSummary::from));
  }

  static CliWorkspace from(Workspace workspace, Optional<CliDuoSummary> duo) {
    return new CliWorkspace(workspace.id().value(), workspace.name().value(),
        workspace.description().value(), workspace.members().stream().map(UserName::value).toList(),
        rolesOf(workspace), CliWire.instant(workspace.createdAt()), duo.isPresent() ? "duo" : "none",
        duo.orElse(null));
  }

  /** Each member's role by name: {@code reader} or {@code editor}. */
  private static Map<String, String> rolesOf(Workspace workspace) {
    Map<String, String> roles = new TreeMap<>();
    workspace.roles().forEach((member, role) -> roles.put(member.value(), role.wireName()));
    return roles;
  }
}
