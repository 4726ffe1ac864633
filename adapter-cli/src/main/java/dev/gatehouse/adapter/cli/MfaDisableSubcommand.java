package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.application.port.in.DisableMfaUseCase;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse mfa disable WORKSPACE}: the CLI face of DisableMfa (REST: DELETE .../mfa). */
@Command(name = "disable", description = "Stop asking for a second factor when WORKSPACE is opened (administrators).",
    footerHeading = "%nExample:%n", footer = "  gatehouse mfa disable servers")
final class MfaDisableSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace.")
  String workspace;

  private final Supplier<DisableMfaUseCase> disableMfa;

  MfaDisableSubcommand(CliContext context) {
    super(context);
    this.disableMfa = context.useCase(DisableMfaUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    disableMfa.get().disable(new DisableMfaCommand(actor, name));
    if (output.isJson()) {
      output.json(Map.of("workspace", name.value(), "mfa", "none"));
    } else {
      output.line("Workspace " + name + " no longer asks for a second factor.");
    }
    return CliExitCodes.Exit.done();
  }
}
