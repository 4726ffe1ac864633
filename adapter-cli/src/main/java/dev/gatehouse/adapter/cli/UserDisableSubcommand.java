package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ChangeUserStatusCommand;
import dev.gatehouse.application.port.in.DisableUserUseCase;
import dev.gatehouse.domain.user.User;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code gatehouse user disable NAME}: revokes their tokens and sessions at once; keeps the audit trail. */
@Command(name = "disable", description = "Disable a user: their API tokens and workspace sessions are revoked at once.")
final class UserDisableSubcommand extends UserStatusSubcommand {
  private final Supplier<DisableUserUseCase> disableUser;

  UserDisableSubcommand(CliContext context) {
    super(context);
    this.disableUser = context.useCase(DisableUserUseCase.class);
  }

  @Override
  protected User change(ChangeUserStatusCommand command) {
    return disableUser.get().disable(command);
  }

  @Override
  protected String done(User user) {
    return "Disabled user " + user.name() + "; their API tokens and workspace sessions are revoked.";
  }
}
