package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.AddUserUseCase;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user add NAME [--admin] [--duo-username NAME]}. */
@Command(name = "add", description = "Add a user (the very first user is an administrator).",
    footerHeading = "%nExample:%n", footer = "  gatehouse user add bob --duo-username bob.smith")
final class UserAddSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The new user's name.")
  String name;

  @Option(names = "--admin", description = "Make the user an administrator.")
  boolean admin;

  @Option(names = "--duo-username", paramLabel = "NAME",
      description = "The username Duo knows the user by (default: NAME).")
  String duoUsername;

  private final Supplier<AddUserUseCase> addUser;

  UserAddSubcommand(CliContext context) {
    super(context);
    this.addUser = context.useCase(AddUserUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    UserName user = CliArguments.parse("NAME", name, UserName::new);
    Optional<DuoUsername> duo = Optional.ofNullable(duoUsername)
        .map(text -> CliArguments.parse("--duo-username", text, DuoUsername::new));
    User added = addUser.get().add(
        new AddUserCommand(actor, user, admin ? Role.ADMINISTRATOR : Role.MEMBER, duo));
    if (output.isJson()) {
      output.json(CliUser.from(added));
    } else {
      output.line("Added user " + added.name() + " (" + CliWire.name(added.role())
          + ", Duo username " + added.duoUsername() + ").");
    }
    return CliExitCodes.Exit.done();
  }
}
