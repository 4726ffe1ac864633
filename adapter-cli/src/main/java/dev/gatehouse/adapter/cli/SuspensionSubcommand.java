package dev.gatehouse.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse suspension}: fraud suspensions. */
@Command(name = "suspension", description = "Lift a suspension imposed after a fraud report.", subcommands = {SuspensionClearSubcommand.class})
final class SuspensionSubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }
}
