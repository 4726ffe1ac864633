package dev.gatehouse.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse user}: manage users. */
@Command(name = "user", description = "Manage users.", subcommands = {UserAddSubcommand.class, UserListSubcommand.class,
    UserDisableSubcommand.class, UserEnableSubcommand.class})
final class UserSubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }
}
