package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * An {@code entry} command: acts inside an open workspace with the session cached by
 * {@code open}. With none cached, or one Gatehouse no longer accepts (expired, closed, revoked),
 * it drops the cached token, runs the open flow first (Duo is asked, with the same progress,
 * passcode prompt, Ctrl-C and exit codes as {@code open}, on standard error so that standard
 * output stays the command's own) and tries once more.
 */
abstract class OpenedWorkspaceSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace.")
  String workspace;

  @Mixin
  PasscodeOption passcode;

  /** The passcode given on the command line while the open flow has not used it. */
  private Optional<Passcode> unusedPasscode = Optional.empty();

  private final WorkspaceUnlock unlock;

  protected OpenedWorkspaceSubcommand(CliContext context) {
    super(context);
    this.unlock = new WorkspaceUnlock(context);
  }

  /** What the command does with a session; prepared before Duo may be asked. */
  @FunctionalInterface
  interface InWorkspace {
    CliExitCodes.Exit run(SessionCredentials session);
  }

  /**
   * Reads and checks the command's arguments and secrets, before any session is opened, so that a
   * typing mistake never costs a Duo approval.
   */
  protected abstract InWorkspace prepare(CliOutput output);

  @Override
  protected final CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    Optional<Passcode> given = passcode.read(context);
    unusedPasscode = given;
    InWorkspace action = prepare(output);
    try {
      return withSession(actor, name, given, action);
    } catch (NotFoundException | ConflictException e) {
      return CliExitCodes.forEntryFailure(e);
    }
  }

  /**
   * The passcode given with {@code --passcode} or {@code --passcode-stdin}, unless opening the
   * workspace used it (a Duo passcode counts once): for a step-up inside the open workspace.
   */
  protected Optional<Passcode> unusedPasscode() {
    return unusedPasscode;
  }

  private CliExitCodes.Exit withSession(UserName actor, WorkspaceName name, Optional<Passcode> given,
      InWorkspace action) {
    CliSessionCache sessions = context.sessions();
    Optional<CliSessionCache.Cached> cached = sessions.find(actor, name);
    String why = "No session of workspace " + name + " is cached here";
    if (cached.isPresent()) {
      try {
        return action.run(new SessionCredentials(actor, name, cached.get().token()));
      } catch (SessionRequiredException notLive) {
        sessions.forget(actor, name);
        why = "The cached session of workspace " + name + " has ended";
      }
    }
    PrintStream err = context.config().err();
    CliOutput progress = new CliOutput(err, false, new CliStyle(context.colour()));
    progress.line(why + "; opening it first...");
    unusedPasscode = Optional.empty();
    WorkspaceUnlock.Outcome outcome = unlock.open(progress, actor, name, given);
    if (outcome instanceof WorkspaceUnlock.Refused refused) {
      return refused.exit();
    }
    WorkspaceUnlock.Granted granted = (WorkspaceUnlock.Granted) outcome;
    progress.line(WorkspaceUnlock.opened(progress, granted.session()));
    return action.run(new SessionCredentials(actor, name, granted.session().token()));
  }
}
