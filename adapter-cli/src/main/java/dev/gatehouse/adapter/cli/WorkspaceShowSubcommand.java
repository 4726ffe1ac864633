package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse workspace show NAME}. */
@Command(name = "show", description = "Show a workspace, its members and its Duo settings (never the secret key).",
    footerHeading = "%nExample:%n", footer = "  gatehouse workspace show servers")
final class WorkspaceShowSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The workspace.")
  String name;

  private final Supplier<GetWorkspaceUseCase> getWorkspace;

  WorkspaceShowSubcommand(CliContext context) {
    super(context);
    this.getWorkspace = context.useCase(GetWorkspaceUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName workspace = CliArguments.parse("NAME", name, WorkspaceName::new);
    WorkspaceDetails details = getWorkspace.get().get(new GetWorkspaceQuery(actor, workspace));
    if (output.isJson()) {
      output.json(CliWorkspace.from(details));
    } else {
      WorkspaceText.show(output, details);
    }
    return CliExitCodes.Exit.done();
  }
}
