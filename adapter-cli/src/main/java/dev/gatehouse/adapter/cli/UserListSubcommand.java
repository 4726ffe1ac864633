package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ListUsersQuery;
import dev.gatehouse.application.port.in.ListUsersUseCase;
import dev.gatehouse.domain.user.User;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code gatehouse user list}: every user by name (administrators). */
@Command(name = "list", description = "List every user (administrators).")
final class UserListSubcommand extends UseCaseSubcommand {
  private final Supplier<ListUsersUseCase> listUsers;

  UserListSubcommand(CliContext context) {
    super(context);
    this.listUsers = context.useCase(ListUsersUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    List<User> users = listUsers.get().list(new ListUsersQuery(context.actor()));
    if (output.isJson()) {
      output.json(users.stream().map(CliUser::from).toList());
    } else {
      output.table(List.of("NAME", "ROLE", "DUO USERNAME", "STATUS", "CREATED"), users.stream()
          .map(u -> List.of(u.name().value(), CliWire.name(u.role()), u.duoUsername().value(),
              u.isDisabled() ? "disabled" : "enabled", u.createdAt().toString()))
          .toList());
    }
    return CliExitCodes.Exit.done();
  }
}
