package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceUseCase;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse workspace create NAME [--description TEXT]}. */
@Command(name = "create", description = "Create a workspace (administrators).",
    footerHeading = "%nExample:%n",
    footer = "  gatehouse workspace create servers"
        + " --description \"Production servers\"")
final class WorkspaceCreateSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The workspace's unique name.")
  String name;

  @Option(names = "--description", paramLabel = "TEXT", description = "What the workspace holds.")
  String description;

  private final Supplier<CreateWorkspaceUseCase> createWorkspace;

  WorkspaceCreateSubcommand(CliContext context) {
    super(context);
    this.createWorkspace = context.useCase(CreateWorkspaceUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName workspace = CliArguments.parse("NAME", name, WorkspaceName::new);
    WorkspaceDescription text = description == null ? WorkspaceDescription.NONE
        : CliArguments.parse("--description", description, WorkspaceDescription::new);
    Workspace created = createWorkspace.get()
        .create(new CreateWorkspaceCommand(actor, workspace, text));
    if (output.isJson()) {
      output.json(CliWorkspace.created(created));
    } else {
      output.line("Created workspace " + created.name() + ".");
    }
    return CliExitCodes.Exit.done();
  }
}
