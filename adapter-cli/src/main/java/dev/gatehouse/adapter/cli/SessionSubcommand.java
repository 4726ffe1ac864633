package dev.gatehouse.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse session}: a workspace's live sessions, for administrators. */
@Command(name = "session", description = "List and revoke a workspace's live sessions (administrators).",
    subcommands = {SessionListSubcommand.class, SessionRevokeSubcommand.class})
final class SessionSubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }
}
