package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.entry.EntryName;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse entry reveal WORKSPACE ENTRY}: prints the secret alone on standard output, so
 * that it can be piped; audited as {@code CREDENTIAL_REVEALED}.
 */
@Command(name = "reveal", description = "Print an entry's secret alone on standard output, for piping "
    + "(--json: entry, username and password or privateKey); audited.")
final class EntryRevealSubcommand extends OpenedWorkspaceSubcommand {
  @Parameters(index = "1", paramLabel = "ENTRY", description = "The entry.")
  String entry;

  EntryRevealSubcommand(CliContext context) {
    super(context);
  }

  @Override
  protected InWorkspace prepare(CliOutput output) {
    EntryName name = CliArguments.parse("ENTRY", entry, EntryName::new);
    return session -> {
      RevealedEntry revealed = context.gatehouse().revealEntry()
          .reveal(new RevealEntryCommand(session, name, ClientContext.UNKNOWN));
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
      return CliExitCodes.Exit.done();
    };
  }
}
