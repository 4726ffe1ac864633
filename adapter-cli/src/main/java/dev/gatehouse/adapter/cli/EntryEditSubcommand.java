package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.entry.EditEntryCommand;
import dev.gatehouse.application.port.in.entry.EditEntryUseCase;
import dev.gatehouse.application.port.in.entry.GetEntryQuery;
import dev.gatehouse.application.port.in.entry.GetEntryUseCase;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretChange;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse entry edit WORKSPACE ENTRY [options]} (editors): changes the options given and
 * keeps the rest, if nobody changed the entry since it was read (or since {@code --version N}).
 */
@Command(name = "edit", description = "Change an entry of WORKSPACE (editors): options not given keep their "
    + "value, an empty value clears an optional one. Refused when the entry changed meanwhile.")
final class EntryEditSubcommand extends OpenedWorkspaceSubcommand {
  @Parameters(index = "1", paramLabel = "ENTRY", description = "The entry.")
  String entry;

  @Option(names = "--name", paramLabel = "NEW", description = "Rename the entry.")
  String rename;

  @Option(names = "--version", paramLabel = "N",
      description = "Change it only if it is still at version N (default: the version just read).")
  Long version;

  @Option(names = "--clear-secret", description = "Remove the entry's secret.")
  boolean clearSecret;

  /**
   * picocli leaves out the inherited {@code -h/--help}, {@code -V/--version} pair here because
   * {@code --version} is this command's own; help is declared again.
   */
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin
  EntryDetailsOptions details;

  @Mixin
  EntrySecretOptions secret;

  private final Supplier<GetEntryUseCase> getEntry;
  private final Supplier<EditEntryUseCase> editEntry;

  EntryEditSubcommand(CliContext context) {
    super(context);
    this.getEntry = context.useCase(GetEntryUseCase.class);
    this.editEntry = context.useCase(EditEntryUseCase.class);
  }

  @Override
  protected InWorkspace prepare(CliOutput output) {
    EntryName name = CliArguments.parse("ENTRY", entry, EntryName::new);
    Optional<EntryName> newName = Optional.ofNullable(rename).map(text -> CliArguments.parse("--name", text, EntryName::new));
    if (version != null && version < 0) {
      throw new CliInputException("--version must not be negative");
    }
    if (clearSecret && secret.given()) {
      throw new CliInputException("--clear-secret and a new secret exclude each other");
    }
    details.checkForEdit(newName);
    Optional<EntrySecret> newSecret = secret.read(context);
    SecretChange change = clearSecret ? SecretChange.CLEAR
        : newSecret.<SecretChange>map(SecretChange.Replace::new).orElse(SecretChange.KEEP);
    return session -> {
      Entry current = getEntry.get().get(new GetEntryQuery(session, name));
      long expected = version == null ? current.version() : version;
      Entry edited = editEntry.get().edit(new EditEntryCommand(session, name, expected,
          details.over(current.details(), newName.orElse(current.name())), change));
      if (output.isJson()) {
        output.json(CliEntry.from(edited));
      } else {
        output.line("Updated entry " + edited.name() + " in workspace " + session.workspace()
            + " (version " + edited.version() + ", secret: " + EntryText.secret(edited) + ").");
      }
      return CliExitCodes.Exit.done();
    };
  }
}
