package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.entry.AddEntryCommand;
import dev.gatehouse.application.port.in.entry.AddEntryUseCase;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse entry add WORKSPACE ENTRY --kind K --host H [...] [secret]} (editors): the
 * secret comes from a file, a variable or a prompt, never from an argument.
 */
@Command(name = "add", description = "Add an entry to WORKSPACE (editors). The secret is read from "
    + "--password-file, --password-env, --private-key-file or --password-prompt; never from an argument.")
final class EntryAddSubcommand extends OpenedWorkspaceSubcommand {
  @Parameters(index = "1", paramLabel = "ENTRY", description = "The new entry's name.")
  String entry;

  @Mixin
  EntryDetailsOptions details;

  @Mixin
  EntrySecretOptions secret;

  private final Supplier<AddEntryUseCase> addEntry;

  EntryAddSubcommand(CliContext context) {
    super(context);
    this.addEntry = context.useCase(AddEntryUseCase.class);
  }

  @Override
  protected InWorkspace prepare(CliOutput output) {
    EntryName name = CliArguments.parse("ENTRY", entry, EntryName::new);
    EntryDetails newDetails = details.forNew(name);
    Optional<EntrySecret> newSecret = secret.read(context);
    return session -> {
      Entry added = addEntry.get().add(new AddEntryCommand(session, newDetails, newSecret));
      if (output.isJson()) {
        output.json(CliEntry.from(added));
      } else {
        output.line("Added entry " + added.name() + " (" + added.details().kind().wireName() + ", "
            + added.details().host() + ", secret: " + EntryText.secret(added) + ") to workspace "
            + session.workspace() + ".");
      }
      return CliExitCodes.Exit.done();
    };
  }
}
