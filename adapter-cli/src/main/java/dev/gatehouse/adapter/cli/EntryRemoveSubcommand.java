package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.entry.RemoveEntryCommand;
import dev.gatehouse.application.port.in.entry.RemoveEntryUseCase;
import dev.gatehouse.domain.entry.EntryName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse entry remove WORKSPACE ENTRY [--version N]} (editors): the entry and its secret. */
@Command(name = "remove", description = "Remove an entry and its secret from WORKSPACE (editors).")
final class EntryRemoveSubcommand extends OpenedWorkspaceSubcommand {
  @Parameters(index = "1", paramLabel = "ENTRY", description = "The entry.")
  String entry;

  @Option(names = "--version", paramLabel = "N", description = "Remove it only if it is still at version N.")
  Long version;

  private final Supplier<RemoveEntryUseCase> removeEntry;

  EntryRemoveSubcommand(CliContext context) {
    super(context);
    this.removeEntry = context.useCase(RemoveEntryUseCase.class);
  }

  @Override
  protected InWorkspace prepare(CliOutput output) {
    EntryName name = CliArguments.parse("ENTRY", entry, EntryName::new);
    if (version != null && version < 0) {
      throw new CliInputException("--version must not be negative");
    }
    return session -> {
      removeEntry.get().remove(new RemoveEntryCommand(session, name, Optional.ofNullable(version)));
      if (output.isJson()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workspace", session.workspace().value());
        json.put("entry", name.value());
        json.put("removed", true);
        output.json(json);
      } else {
        output.line("Removed entry " + name + " from workspace " + session.workspace() + ".");
      }
      return CliExitCodes.Exit.done();
    };
  }
}
