package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse mfa disable WORKSPACE}: the CLI face of DisableMfa (REST: DELETE .../mfa). */
@Command(name = "disable", description = "Stop asking for a second factor when WORKSPACE is opened (administrators).",
    footerHeading = "%nExample:%n", footer = "  gatehouse mfa disable servers")
final class MfaDisableSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace.")
  String workspace;

  MfaDisableSubcommand(CliContext context) {
    super(context);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    context.gatehouse().disableMfa().disable(new DisableMfaCommand(actor, name));
    if (output.isJson()) {
      output.json(Map.of("workspace", name.value(), "mfa", "none"));
    } else {
      output.line("Workspace " + name + " no longer asks for a second factor.");
    }
    return CliExitCodes.Exit.done();
  }
}
