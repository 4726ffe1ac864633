package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse open WORKSPACE [--passcode-stdin | --passcode CODE]}: unlocks a workspace,
 * waiting for a push or call with progress, asking for a passcode for SMS and passcode; prints the
 * session token once and keeps it in the session cache for the {@code entry} commands.
 */
@Command(name = "open", description = "Open (unlock) a workspace; Duo is asked every time. "
    + "The session is cached for the entry commands until 'gatehouse close'.",
    footerHeading = "%nExample:%n", footer = "  gatehouse open servers")
final class OpenSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace to open.")
  String workspace;

  @Mixin
  PasscodeOption passcode;

  private final WorkspaceUnlock unlock;

  OpenSubcommand(CliContext context) {
    super(context);
    this.unlock = new WorkspaceUnlock(context);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    Optional<Passcode> given = passcode.read(context);
    WorkspaceUnlock.Outcome outcome = unlock.open(output, actor, name, given);
    if (outcome instanceof WorkspaceUnlock.Granted granted) {
      granted(output, granted);
      return CliExitCodes.Exit.done();
    }
    WorkspaceUnlock.Refused refused = (WorkspaceUnlock.Refused) outcome;
    if (output.isJson()) {
      refused.report().ifPresent(output::json);
    }
    return refused.exit();
  }

  private static void granted(CliOutput output, WorkspaceUnlock.Granted granted) {
    SessionGrant session = granted.session();
    if (output.isJson()) {
      output.json(CliUnlock.granted(session, granted.challenge().orElse(null)));
      return;
    }
    output.line(WorkspaceUnlock.opened(output, session));
    output.line("Session token: " + session.token().reveal());
  }
}
