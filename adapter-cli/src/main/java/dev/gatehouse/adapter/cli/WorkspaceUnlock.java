package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ClaimSessionCommand;
import dev.gatehouse.application.port.in.challenge.ClaimSessionUseCase;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceUseCase;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The open flow of the command line, shared by {@code open} and the {@code entry} commands that
 * open a workspace on their own: asks Gatehouse to unlock, follows a pending challenge with
 * progress, passcode prompts and Ctrl-C, claims the session once the challenge is approved (reading
 * a challenge never hands it out), and stores a granted session in the session cache.
 */
final class WorkspaceUnlock {
  private final CliContext context;
  private final Supplier<OpenWorkspaceUseCase> openWorkspace;
  private final Supplier<ClaimSessionUseCase> claimSession;

  WorkspaceUnlock(CliContext context) {
    this.context = context;
    this.openWorkspace = context.useCase(OpenWorkspaceUseCase.class);
    this.claimSession = context.useCase(ClaimSessionUseCase.class);
  }

  /** How the open flow ended. */
  sealed interface Outcome {}

  /** The workspace is open; {@code challenge} is the approved challenge, absent when none was needed. */
  record Granted(SessionGrant session, Optional<ChallengeView> challenge) implements Outcome {}

  /**
   * The workspace stays shut (denied, cancelled, interrupted): the exit to end with, and what
   * {@code open --json} reports, when there is something to report.
   */
  record Refused(CliExitCodes.Exit exit, Optional<CliUnlock> report) implements Outcome {}

  /** Opens the workspace, showing progress on {@code progress}, and caches the session granted. */
  Outcome open(CliOutput progress, UserName actor, WorkspaceName name, Optional<Passcode> given) {
    UnlockResult result = openWorkspace.get()
        .open(new OpenWorkspaceCommand(actor, name, ClientContext.UNKNOWN));
    if (result instanceof UnlockResult.Granted granted) {
      return cached(actor, new Granted(granted.session(), Optional.empty()));
    }
    if (result instanceof UnlockResult.Denied denied) {
      return new Refused(CliExitCodes.forUnlock(result), Optional.of(CliUnlock.denied(name.value(), denied.denial())));
    }
    ChallengeView challenge = ((UnlockResult.Pending) result).challenge();
    ChallengeProgress.Ending ending = new ChallengeProgress(context, progress, actor).follow(challenge, given);
    if (ending instanceof ChallengeProgress.Finished finished) {
      ChallengeView last = finished.challenge();
      if (last.sessionReady()) {
        SessionGrant session = claimSession.get().claim(new ClaimSessionCommand(actor, last.id()));
        return cached(actor, new Granted(session, Optional.of(last)));
      }
      return new Refused(CliExitCodes.forEnding(ending), Optional.of(CliUnlock.ended("denied", name.value(), last)));
    }
    return new Refused(CliExitCodes.forEnding(ending), Optional.empty());
  }

  /**
   * A session that cannot be cached is still open: the command goes on, and says on standard
   * error that the next one will ask Duo again.
   */
  private Granted cached(UserName actor, Granted granted) {
    try {
      context.sessions().store(actor, granted.session());
    } catch (CliSessionCache.Unwritable e) {
      context.config().err().println("gatehouse: warning: the session was not cached (" + e.getMessage()
          + "); the next command will open the workspace again");
    }
    return granted;
  }

  /** "Workspace servers is open (Duo approved), until …." */
  static String opened(CliOutput output, SessionGrant session) {
    return output.style().green("Workspace " + session.workspace() + " is open")
        + " (" + how(session) + "), until " + session.expiresAt() + ".";
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
