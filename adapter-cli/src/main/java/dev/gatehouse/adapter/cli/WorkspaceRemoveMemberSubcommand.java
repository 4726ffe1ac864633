package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.application.port.in.RemoveMemberUseCase;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse workspace remove-member NAME USER}. */
@Command(name = "remove-member", description = "Remove USER from workspace NAME (administrators).",
    footerHeading = "%nExample:%n", footer = "  gatehouse workspace remove-member servers bob")
final class WorkspaceRemoveMemberSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The workspace.")
  String name;

  @Parameters(index = "1", paramLabel = "USER", description = "The user to remove.")
  String user;

  private final Supplier<RemoveMemberUseCase> removeMember;

  WorkspaceRemoveMemberSubcommand(CliContext context) {
    super(context);
    this.removeMember = context.useCase(RemoveMemberUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName workspace = CliArguments.parse("NAME", name, WorkspaceName::new);
    UserName member = CliArguments.parse("USER", user, UserName::new);
    WorkspaceDetails updated = removeMember.get().remove(
        new RemoveMemberCommand(actor, workspace, member));
    if (output.isJson()) {
      output.json(CliWorkspace.from(updated));
    } else {
      output.line("Removed " + member + " from workspace " + updated.workspace().name() + " (members: "
          + WorkspaceText.members(updated) + ").");
    }
    return CliExitCodes.Exit.done();
  }
}
