package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ChangeUserStatusCommand;
import dev.gatehouse.application.port.in.EnableUserUseCase;
import dev.gatehouse.domain.user.User;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code gatehouse user enable NAME}: their old tokens and sessions stay revoked. */
@Command(name = "enable", description = "Enable a disabled user again (their old tokens and sessions stay revoked).")
final class UserEnableSubcommand extends UserStatusSubcommand {
  private final Supplier<EnableUserUseCase> enableUser;

  UserEnableSubcommand(CliContext context) {
    super(context);
    this.enableUser = context.useCase(EnableUserUseCase.class);
  }

  @Override
  protected User change(ChangeUserStatusCommand command) {
    return enableUser.get().enable(command);
  }

  @Override
  protected String done(User user) {
    return "Enabled user " + user.name() + ".";
  }
}
