package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.freshApproval;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.application.port.in.IssuedApiToken;
import dev.gatehouse.application.port.in.ListWorkspacesQuery;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** User names compare case-insensitively, as Duo usernames do: one person, one name, whatever the case typed. */
class CaseInsensitiveNamesTest {

  @Test
  void addingAUserWhoseNameDiffersOnlyInCaseIsAConflict() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    assertThatThrownBy(() -> env.gatehouse.addUser().add(
        new AddUserCommand(ADMIN, new UserName("BoB"), Role.MEMBER, Optional.empty())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aNewUserIsKnownToDuoByTheCanonicalName() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    User dave = env.gatehouse.addUser().add(new AddUserCommand(ADMIN, new UserName("Dave"), Role.MEMBER,
        Optional.empty()));

    assertThat(dave.name().value()).isEqualTo("dave");
    assertThat(dave.duoUsername().value()).isEqualTo("dave");
  }

  @Test
  void aMemberNamedInAnyCaseIsTheSameMember() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    WorkspaceDetails details = env.gatehouse.addMember().add(new AddMemberCommand(new UserName("ALICE"), WORKSPACE,
        new UserName("Bob"), Optional.of(MemberRole.EDITOR)));

    assertThat(details.members()).containsEntry(MEMBER, MemberRole.EDITOR).hasSize(2);
    assertThat(env.gatehouse.listWorkspaces().list(new ListWorkspacesQuery(new UserName("BOB"))))
        .extracting(w -> w.workspace().name()).containsExactly(WORKSPACE);
  }

  @Test
  void aTokenIssuedToANameInAnyCaseAuthenticatesTheCanonicalUser() {
    InMemoryGatehouse env = aDuoWorkspace();
    freshApproval(env, MEMBER); // bob's approval counts for Bob
    IssuedApiToken token = env.gatehouse.issueApiToken().issue(
        new IssueApiTokenCommand(new UserName("Bob"), new UserName("BOB")));

    assertThat(env.gatehouse.authenticateApiToken().authenticate(new AuthenticateApiTokenQuery(token.token()))
        .map(caller -> caller.user().name())).contains(MEMBER);
  }

  @Test
  void duoIsAskedForTheCanonicalName() {
    InMemoryGatehouse env = aMemberWithActivePush();

    pending(open(env, new UserName("BOB")));

    assertThat(env.duo.calls()).filteredOn(c -> c.operation() == FakeSecondFactorGateway.Operation.START_AUTH)
        .extracting(FakeSecondFactorGateway.Call::user).last().isEqualTo("bob");
  }
}
