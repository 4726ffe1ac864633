package dev.gatehouse.adapter.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What a command that only groups subcommands does when called alone: a usage error. */
final class GroupSubcommands {
  private GroupSubcommands() {}

  static int missingSubcommand(CommandSpec spec) {
    throw new ParameterException(spec.commandLine(), "missing command: "
        + spec.qualifiedName() + " " + String.join("|", spec.subcommands().keySet()));
  }
}
