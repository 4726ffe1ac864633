package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.entry.RevealEntryUseCase;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.entry.EntryName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse entry reveal WORKSPACE ENTRY}: prints the secret alone on standard output, so
 * that it can be piped; audited as {@code CREDENTIAL_REVEALED}. An entry with a step-up first runs
 * the usual Duo flow (push, call, SMS or passcode, with progress and Ctrl-C on standard error), then
 * reveals.
 */
@Command(name = "reveal", description = "Print an entry's secret alone on standard output, for piping "
    + "(--json: entry, username and password or privateKey); audited. An entry with a step-up asks Duo first.")
final class EntryRevealSubcommand extends OpenedWorkspaceSubcommand {
  @Parameters(index = "1", paramLabel = "ENTRY", description = "The entry.")
  String entry;

  private final Supplier<RevealEntryUseCase> revealEntry;

  EntryRevealSubcommand(CliContext context) {
    super(context);
    this.revealEntry = context.useCase(RevealEntryUseCase.class);
  }

  @Override
  protected InWorkspace prepare(CliOutput output) {
    EntryName name = CliArguments.parse("ENTRY", entry, EntryName::new);
    return session -> {
      RevealEntryResult result = reveal(session, name);
      if (result instanceof RevealEntryResult.StepUpRequired stepUp) {
        // Progress on standard error: standard output carries the secret alone.
        CliOutput progress = new CliOutput(context.config().err(), false, new CliStyle(context.colour()));
        progress.line("Entry " + name + " needs a Duo step-up to reveal; asking Duo...");
        ChallengeProgress.Ending ending = new ChallengeProgress(context, progress, session.actor())
            .follow(stepUp.challenge(), unusedPasscode());
        if (!(ending instanceof ChallengeProgress.Finished finished)
            || finished.challenge().state() != ChallengeState.APPROVED) {
          return CliExitCodes.forEnding(ending);
        }
        result = reveal(session, name);
      }
      if (!(result instanceof RevealEntryResult.Revealed revealed)) {
        return CliExitCodes.forReveal(result);
      }
      print(output, revealed.entry());
      return CliExitCodes.Exit.done();
    };
  }

  private RevealEntryResult reveal(SessionCredentials session, EntryName name) {
    return revealEntry.get().reveal(new RevealEntryCommand(session, name, ClientContext.UNKNOWN));
  }

  private static void print(CliOutput output, RevealedEntry revealed) {
    String secret = revealed.secret().reveal();
    if (output.isJson()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("entry", revealed.entry().value());
      json.put("username", revealed.username().orElse(null));
      json.put(revealed.secret().kind().wireName(), secret);
      output.json(json);
    } else {
      // Alone, as stored: a private key keeps its own final line break, a password gets one.
      output.stream().print(secret.endsWith("\n") ? secret : secret + System.lineSeparator());
    }
  }
}
