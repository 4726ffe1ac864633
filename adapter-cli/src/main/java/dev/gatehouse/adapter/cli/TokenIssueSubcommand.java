package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.application.port.in.IssuedApiToken;
import dev.gatehouse.domain.user.UserName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse token issue NAME}: prints the new token alone on a line, so scripts can capture it. */
@Command(name = "issue", description = "Print a new API token for NAME; it is shown this once.",
    footerHeading = "%nExample:%n", footer = "  gatehouse token issue bob")
final class TokenIssueSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "Whose token it is.")
  String name;

  TokenIssueSubcommand(CliContext context) {
    super(context);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    UserName owner = CliArguments.parse("NAME", name, UserName::new);
    IssuedApiToken issued = context.gatehouse().issueApiToken().issue(new IssueApiTokenCommand(actor, owner));
    if (output.isJson()) {
      output.json(CliToken.from(issued));
    } else {
      output.line(issued.token().reveal());
    }
    return CliExitCodes.Exit.done();
  }
}
