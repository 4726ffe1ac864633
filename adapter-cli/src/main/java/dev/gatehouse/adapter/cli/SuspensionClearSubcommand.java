package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ClearSuspensionUseCase;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse suspension clear WORKSPACE USER}: the CLI face of ClearSuspension. */
@Command(name = "clear", description = "Lift USER's suspension in WORKSPACE after a fraud report (administrators).",
    footerHeading = "%nExample:%n", footer = "  gatehouse suspension clear servers bob")
final class SuspensionClearSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace.")
  String workspace;

  @Parameters(index = "1", paramLabel = "USER", description = "The suspended member.")
  String user;

  private final Supplier<ClearSuspensionUseCase> clearSuspension;

  SuspensionClearSubcommand(CliContext context) {
    super(context);
    this.clearSuspension = context.useCase(ClearSuspensionUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    UserName member = CliArguments.parse("USER", user, UserName::new);
    clearSuspension.get().clear(new ClearSuspensionCommand(actor, name, member));
    if (output.isJson()) {
      output.json(Map.of("workspace", name.value(), "user", member.value(), "suspended", false));
    } else {
      output.line("Cleared the suspension of " + member + " in workspace " + name + ".");
    }
    return CliExitCodes.Exit.done();
  }
}
