package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.DuoSummary;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How workspaces read as text. */
final class WorkspaceText {
  private WorkspaceText() {}

  static String mfa(Optional<DuoSummary> duo) {
    return duo.map(d -> "duo (" + d.apiHostname() + ", failmode " + d.failmode().wireName() + ")").orElse("none");
  }

  static String members(WorkspaceDetails details) {
    return details.members().isEmpty() ? "-"
        : details.members().keySet().stream().map(UserName::value).collect(Collectors.joining(", "));
  }

  static String editors(WorkspaceDetails details) {
    String editors = details.members().entrySet().stream()
        .filter(member -> member.getValue().canEditEntries())
        .map(member -> member.getKey().value()).collect(Collectors.joining(", "));
    return editors.isEmpty() ? "-" : editors;
  }

  static void show(CliOutput output, WorkspaceDetails details) {
    Workspace workspace = details.workspace();
    List<List<String>> fields = new ArrayList<>(List.of(
        List.of("Workspace", workspace.name().value()),
        List.of("Description", workspace.description().value().isEmpty() ? "-" : workspace.description().value()),
        List.of("Created", workspace.createdAt().toString()),
        List.of("Members", members(details)),
        List.of("Editors", editors(details)),
        List.of("MFA", details.duo().map(d -> "duo").orElse("none"))));
    details.duo().ifPresent(duo -> fields.addAll(List.of(
        List.of("API hostname", duo.apiHostname().value()),
        List.of("Integration key", duo.integrationKey().value()),
        List.of("Failmode", duo.failmode().wireName()),
        List.of("Session lifetime", duration(duo.options().sessionLifetime())),
        List.of("Push cooldown", duration(duo.options().pushCooldown())),
        List.of("Remember window", duo.options().remembers() ? duration(duo.options().rememberFor()) : "off"))));
    output.fields(fields);
  }

  /** 8h, 90s, 1h30m: short and unambiguous. */
  static String duration(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
