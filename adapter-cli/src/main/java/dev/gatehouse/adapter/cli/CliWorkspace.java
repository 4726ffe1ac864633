package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.List;
import java.util.Optional;

/** A workspace with its members and Duo summary ({@code mfa} is {@code none} or {@code duo}). */
record CliWorkspace(String id, String name, String description, List<String> members,
    String createdAt, String mfa, CliDuoSummary duo) {
  static CliWorkspace from(WorkspaceDetails details) {
    return from(details.workspace(), details.duo().map(CliDuoSummary::from));
  }

  static CliWorkspace from(Workspace workspace, Optional<CliDuoSummary> duo) {
    return new CliWorkspace(workspace.id().value(), workspace.name().value(),
        workspace.description().value(), workspace.members().stream().map(UserName::value).toList(),
        CliWire.instant(workspace.createdAt()), duo.isPresent() ? "duo" : "none", duo.orElse(null));
  }
}
