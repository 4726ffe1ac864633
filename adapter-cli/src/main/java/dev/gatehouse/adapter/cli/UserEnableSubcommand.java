package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ChangeUserStatusCommand;
import dev.gatehouse.domain.user.User;
import picocli.CommandLine.Command;

/** {@code gatehouse user enable NAME}: their old tokens and sessions stay revoked. */
@Command(name = "enable", description = "Enable a disabled user again (their old tokens and sessions stay revoked).")
final class UserEnableSubcommand extends UserStatusSubcommand {
  UserEnableSubcommand(CliContext context) {
    super(context);
  }

  @Override
  protected User change(ChangeUserStatusCommand command) {
    return context.gatehouse().enableUser().enable(command);
  }

  @Override
  protected String done(User user) {
    return "Enabled user " + user.name() + ".";
  }
}
