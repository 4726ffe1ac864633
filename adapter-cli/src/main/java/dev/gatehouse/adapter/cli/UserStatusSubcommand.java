package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ChangeUserStatusCommand;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user disable|enable NAME} (administrators, never themselves). */
abstract class UserStatusSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The user.")
  String name;

  protected UserStatusSubcommand(CliContext context) {
    super(context);
  }

  protected abstract User change(ChangeUserStatusCommand command);

  protected abstract String done(User user);

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    UserName user = CliArguments.parse("NAME", name, UserName::new);
    User changed = change(new ChangeUserStatusCommand(actor, user));
    if (output.isJson()) {
      output.json(CliUser.from(changed));
    } else {
      output.line(done(changed));
    }
    return CliExitCodes.Exit.done();
  }
}
