package dev.gatehouse.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse token}: API tokens. */
@Command(name = "token", description = "Issue, list and revoke API tokens for the REST API.",
    subcommands = {TokenIssueSubcommand.class, TokenListSubcommand.class, TokenRevokeSubcommand.class})
final class TokenSubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }
}
