package dev.gatehouse.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse entry}: the entries of an open workspace. */
@Command(name = "entry", description = "Entries (connections and their credentials) of a workspace; "
    + "opens the workspace first (Duo is asked) unless a session cached by 'open' is still live.",
    subcommands = {EntryListSubcommand.class, EntryShowSubcommand.class, EntryAddSubcommand.class,
        EntryEditSubcommand.class, EntryRemoveSubcommand.class, EntryRevealSubcommand.class})
final class EntrySubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }
}
