package dev.gatehouse.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse workspace}: workspaces and their members. */
@Command(name = "workspace", description = "Manage workspaces and their members.", subcommands = {WorkspaceCreateSubcommand.class, WorkspaceListSubcommand.class, WorkspaceShowSubcommand.class, WorkspaceAddMemberSubcommand.class, WorkspaceRemoveMemberSubcommand.class})
final class WorkspaceSubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }
}
