package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddMemberUseCase;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PUT of a member is idempotent whether or not the core refuses a repeated add. */
class WorkspaceResourceTest {
  private static final UserName ADMIN = new UserName("admin");
  private static final UserName ALICE = new UserName("alice");
  private static final WorkspaceName VAULT = new WorkspaceName("vault");

  private final InMemoryGatehouse core = new InMemoryGatehouse();

  WorkspaceResourceTest() {
    core.gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.ADMINISTRATOR, Optional.empty()));
    core.gatehouse.addUser().add(new AddUserCommand(ADMIN, ALICE, Role.MEMBER, Optional.empty()));
    core.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, VAULT, WorkspaceDescription.NONE));
  }

  /** The resource on the core, with the add-member use case given (a core that refuses repeats, say). */
  private WorkspaceResource resource(AddMemberUseCase addMember) {
    return new WorkspaceResource(core.gatehouse.createWorkspace(), core.gatehouse.listWorkspaces(),
        core.gatehouse.getWorkspace(), addMember, core.gatehouse.removeMember(), core.gatehouse.clearSuspension());
  }

  @Test
  void addingAMemberTwiceAnswers200BothTimes() {
    WorkspaceResource resource = resource(core.gatehouse.addMember());
    assertThat(resource.addMember(ADMIN, VAULT, ALICE, Optional.empty()).status()).isEqualTo(200);
    RestReply again = resource.addMember(ADMIN, VAULT, ALICE, Optional.empty());
    assertThat(again.status()).isEqualTo(200);
    assertThat(((RestWorkspace) again.body()).members()).containsOnlyOnce("alice");
  }

  @Test
  void aCoreThatRefusesTheRepeatWithAConflictIsStillAnswered200() {
    AddMemberUseCase refusesRepeats = command -> {
      core.gatehouse.addMember().add(command);
      throw new ConflictException(command.member() + " is already a member of " + command.workspace());
    };
    RestReply reply = resource(refusesRepeats).addMember(ADMIN, VAULT, ALICE, Optional.empty());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(((RestWorkspace) reply.body()).members()).contains("alice");
  }

  @Test
  void aConflictThatLeavesTheMemberInAnotherRoleStaysAConflict() {
    core.gatehouse.addMember().add(new AddMemberCommand(ADMIN, VAULT, ALICE));
    AddMemberUseCase conflicts = command -> {
      throw new ConflictException("the workspace was changed concurrently");
    };
    WorkspaceResource resource = resource(conflicts);
    assertThatThrownBy(() -> resource.addMember(ADMIN, VAULT, ALICE, Optional.of(MemberRole.EDITOR)))
        .isInstanceOf(ConflictException.class);
    assertThat(resource.addMember(ADMIN, VAULT, ALICE, Optional.of(MemberRole.READER)).status()).isEqualTo(200);
  }

  @Test
  void aConflictThatLeavesTheUserOutsideStaysAConflict() {
    AddMemberUseCase conflicts = command -> {
      throw new ConflictException("the workspace was changed concurrently");
    };
    assertThatThrownBy(() -> resource(conflicts).addMember(ADMIN, VAULT, ALICE, Optional.empty()))
        .isInstanceOf(ConflictException.class);
  }
}
