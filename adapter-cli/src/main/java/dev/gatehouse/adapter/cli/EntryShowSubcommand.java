package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.entry.GetEntryQuery;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse entry show WORKSPACE ENTRY}: one entry, never its secret. */
@Command(name = "show", description = "Show one entry (never its secret; see 'entry reveal').")
final class EntryShowSubcommand extends OpenedWorkspaceSubcommand {
  @Parameters(index = "1", paramLabel = "ENTRY", description = "The entry.")
  String entry;

  EntryShowSubcommand(CliContext context) {
    super(context);
  }

  @Override
  protected InWorkspace prepare(CliOutput output) {
    EntryName name = CliArguments.parse("ENTRY", entry, EntryName::new);
    return session -> {
      Entry found = context.gatehouse().getEntry().get(new GetEntryQuery(session, name));
      if (output.isJson()) {
        output.json(CliEntry.from(found));
      } else {
        EntryText.show(output, found);
      }
      return CliExitCodes.Exit.done();
    };
  }
}
