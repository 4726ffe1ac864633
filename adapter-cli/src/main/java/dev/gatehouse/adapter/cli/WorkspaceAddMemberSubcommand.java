package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddMemberUseCase;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse workspace add-member NAME USER [--role reader|editor]}. */
@Command(name = "add-member", description = "Add USER to workspace NAME, or change their role (administrators).",
    footerHeading = "%nExample:%n", footer = "  gatehouse workspace add-member servers bob --role editor")
final class WorkspaceAddMemberSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The workspace.")
  String name;

  @Parameters(index = "1", paramLabel = "USER", description = "The user to add.")
  String user;

  @Option(names = "--role", paramLabel = "reader|editor",
      description = "Readers list, show and reveal entries; editors also add, edit and remove them "
          + "(default: reader for a new member; given for a member, it changes their role).")
  String role;

  private final Supplier<AddMemberUseCase> addMember;

  WorkspaceAddMemberSubcommand(CliContext context) {
    super(context);
    this.addMember = context.useCase(AddMemberUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName workspace = CliArguments.parse("NAME", name, WorkspaceName::new);
    UserName member = CliArguments.parse("USER", user, UserName::new);
    Optional<MemberRole> given = Optional.ofNullable(role).map(WorkspaceAddMemberSubcommand::role);
    WorkspaceDetails updated = addMember.get().add(
        new AddMemberCommand(actor, workspace, member, given));
    if (output.isJson()) {
      output.json(CliWorkspace.from(updated));
    } else {
      output.line("Added " + member + " to workspace " + updated.workspace().name() + " as "
          + updated.roleOf(member).map(MemberRole::wireName).orElse("member") + " (members: "
          + WorkspaceText.members(updated) + ").");
    }
    return CliExitCodes.Exit.done();
  }

  private static MemberRole role(String text) {
    try {
      return MemberRole.fromWireName(text.strip());
    } catch (IllegalArgumentException e) {
      throw new CliInputException("--role " + e.getMessage());
    }
  }
}
