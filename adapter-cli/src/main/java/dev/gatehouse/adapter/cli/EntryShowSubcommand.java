package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.entry.GetEntryQuery;
import dev.gatehouse.application.port.in.entry.GetEntryUseCase;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryName;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse entry show WORKSPACE ENTRY}: one entry, never its secret. */
@Command(name = "show", description = "Show one entry (never its secret; see 'entry reveal').")
final class EntryShowSubcommand extends OpenedWorkspaceSubcommand {
  @Parameters(index = "1", paramLabel = "ENTRY", description = "The entry.")
  String entry;

  private final Supplier<GetEntryUseCase> getEntry;

  EntryShowSubcommand(CliContext context) {
    super(context);
    this.getEntry = context.useCase(GetEntryUseCase.class);
  }

  @Override
  protected InWorkspace prepare(CliOutput output) {
    EntryName name = CliArguments.parse("ENTRY", entry, EntryName::new);
    return session -> {
      Entry found = getEntry.get().get(new GetEntryQuery(session, name));
      if (output.isJson()) {
        output.json(CliEntry.from(found));
      } else {
        EntryText.show(output, found);
      }
      return CliExitCodes.Exit.done();
    };
  }
}
