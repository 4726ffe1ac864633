package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ListWorkspacesQuery;
import dev.gatehouse.application.port.in.ListWorkspacesUseCase;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code gatehouse workspace list}: all workspaces for administrators, their own for members. */
@Command(name = "list", description = "List the workspaces you may see.",
    footerHeading = "%nExample:%n", footer = "  gatehouse workspace list --json")
final class WorkspaceListSubcommand extends UseCaseSubcommand {
  private final Supplier<ListWorkspacesUseCase> listWorkspaces;

  WorkspaceListSubcommand(CliContext context) {
    super(context);
    this.listWorkspaces = context.useCase(ListWorkspacesUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    ListWorkspacesQuery query = new ListWorkspacesQuery(context.actor());
    List<WorkspaceDetails> workspaces = listWorkspaces.get().list(query);
    if (output.isJson()) {
      output.json(workspaces.stream().map(CliWorkspace::from).toList());
    } else if (workspaces.isEmpty()) {
      output.line("No workspaces.");
    } else {
      output.table(List.of("NAME", "MEMBERS", "MFA", "DESCRIPTION"), workspaces.stream()
          .map(w -> List.of(w.workspace().name().value(), String.valueOf(w.members().size()),
              WorkspaceText.mfa(w.duo()), w.workspace().description().value()))
          .toList());
    }
    return CliExitCodes.Exit.done();
  }
}
