package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.entry.ListEntriesQuery;
import dev.gatehouse.application.port.in.entry.ListEntriesUseCase;
import dev.gatehouse.domain.entry.Entry;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code gatehouse entry list WORKSPACE}: the workspace's entries by name, never their secrets. */
@Command(name = "list", description = "List the entries of WORKSPACE (never their secrets).")
final class EntryListSubcommand extends OpenedWorkspaceSubcommand {
  private final Supplier<ListEntriesUseCase> listEntries;

  EntryListSubcommand(CliContext context) {
    super(context);
    this.listEntries = context.useCase(ListEntriesUseCase.class);
  }

  @Override
  protected InWorkspace prepare(CliOutput output) {
    return session -> {
      List<Entry> entries = listEntries.get().list(new ListEntriesQuery(session));
      if (output.isJson()) {
        output.json(entries.stream().map(CliEntry::from).toList());
      } else if (entries.isEmpty()) {
        output.line("No entries in workspace " + session.workspace() + ".");
      } else {
        output.table(EntryText.headers(), entries.stream().map(EntryText::row).toList());
      }
      return CliExitCodes.Exit.done();
    };
  }
}
