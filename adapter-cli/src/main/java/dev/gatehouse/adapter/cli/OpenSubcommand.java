package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.SessionGrant;
import dev.gatehouse.application.port.in.UnlockResult;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse open WORKSPACE [--passcode-stdin | --passcode CODE]}: unlocks a workspace, waiting for a push or
 * call with progress, asking for a passcode for SMS and passcode; prints the session token once.
 */
@Command(name = "open", description = "Open (unlock) a workspace; Duo is asked every time.",
    footerHeading = "%nExample:%n", footer = "  gatehouse open servers")
final class OpenSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace to open.")
  String workspace;

  @Mixin
  PasscodeOption passcode;

  OpenSubcommand(CliContext context) {
    super(context);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    Optional<Passcode> given = passcode.read(context);
    UnlockResult result = context.gatehouse().openWorkspace()
        .open(new OpenWorkspaceCommand(actor, name, ClientContext.UNKNOWN));
    if (result instanceof UnlockResult.Granted granted) {
      granted(output, granted.session(), null);
      return CliExitCodes.forUnlock(result);
    }
    if (result instanceof UnlockResult.Denied denied) {
      if (output.isJson()) {
        output.json(CliUnlock.denied(name.value(), denied.denial()));
      }
      return CliExitCodes.forUnlock(result);
    }
    ChallengeView challenge = ((UnlockResult.Pending) result).challenge();
    ChallengeProgress.Ending ending = new ChallengeProgress(context, output, actor).follow(challenge, given);
    if (ending instanceof ChallengeProgress.Finished finished) {
      ChallengeView last = finished.challenge();
      if (last.session().isPresent()) {
        granted(output, last.session().get(), last);
      } else if (output.isJson()) {
        output.json(CliUnlock.ended("denied", name.value(), last));
      }
    }
    return CliExitCodes.forEnding(ending);
  }

  private static void granted(CliOutput output, SessionGrant session, ChallengeView challenge) {
    if (output.isJson()) {
      output.json(CliUnlock.granted(session, challenge));
      return;
    }
    output.line(output.style().green("Workspace " + session.workspace() + " is open")
        + " (" + how(session) + "), until " + session.expiresAt() + ".");
    output.line("Session token: " + session.token().reveal());
  }

  private static String how(SessionGrant session) {
    return switch (session.kind()) {
      case NO_MFA -> "no second factor required";
      case DUO_APPROVED -> "Duo approved";
      case DUO_BYPASS -> "Duo let you in without a second factor";
      case FAILSAFE -> "Duo unavailable, failmode safe";
      case REMEMBERED -> "a recent Duo approval is remembered";
    };
  }
}
