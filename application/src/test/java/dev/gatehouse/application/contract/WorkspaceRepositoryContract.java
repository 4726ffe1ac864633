package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@code WorkspaceRepository} does. */
public interface WorkspaceRepositoryContract extends StorageContract {
  @Test
  default void storesAndFindsWorkspacesByNameAndId() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);

    assertThat(ports().workspaces().find(new WorkspaceName("servers"))).contains(workspace);
    assertThat(ports().workspaces().find(workspace.id())).contains(workspace);
    assertThat(ports().workspaces().find(new WorkspaceName("other"))).isEmpty();
  }

  @Test
  default void updatesTheDescriptionAndKeepsTheMembers() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Workspace described = Workspace.restore(workspace.id(), workspace.name(),
        new WorkspaceDescription("the new racks"), workspace.createdAt());

    ports().workspaces().update(described);

    assertThat(ports().workspaces().find(workspace.id())).contains(described);
    assertThat(ports().workspaces().members(workspace.id())).containsOnlyKeys(alice.name());
  }

  @Test
  default void answersAMembersRole() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    givenUser("carol");
    Workspace workspace = givenWorkspace("servers");
    ports().workspaces().putMember(workspace.id(), alice.name(), MemberRole.EDITOR);
    ports().workspaces().putMember(workspace.id(), bob.name(), MemberRole.READER);

    assertThat(ports().workspaces().roleOf(workspace.id(), alice.name())).contains(MemberRole.EDITOR);
    assertThat(ports().workspaces().roleOf(workspace.id(), bob.name())).contains(MemberRole.READER);
    assertThat(ports().workspaces().roleOf(workspace.id(), new UserName("carol"))).isEmpty();
    assertThat(ports().workspaces().roleOf(workspace.id(), new UserName("nobody"))).isEmpty();
  }

  @Test
  default void answersARoleWhateverTheCaseTheNameIsGivenIn() {
    givenUser("alice");
    Workspace workspace = givenWorkspace("servers");
    ports().workspaces().putMember(workspace.id(), new UserName("Alice"), MemberRole.EDITOR);

    assertThat(ports().workspaces().roleOf(workspace.id(), new UserName("ALICE"))).contains(MemberRole.EDITOR);
  }

  @Test
  default void changesAMembersRoleInPlace() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);

    ports().workspaces().putMember(workspace.id(), alice.name(), MemberRole.EDITOR);

    assertThat(ports().workspaces().members(workspace.id())).containsExactly(Map.entry(alice.name(), MemberRole.EDITOR));
  }

  @Test
  default void removesAMemberOnce() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace workspace = givenWorkspace("servers", alice, bob);

    assertThat(ports().workspaces().removeMember(workspace.id(), alice.name())).isTrue();
    assertThat(ports().workspaces().removeMember(workspace.id(), alice.name())).isFalse();

    assertThat(ports().workspaces().members(workspace.id())).containsOnlyKeys(bob.name());
    assertThat(ports().workspaces().roleOf(workspace.id(), alice.name())).isEmpty();
  }

  @Test
  default void listsMembersSortedByNameWithTheirCount() {
    User zed = givenUser("zed");
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace workspace = givenWorkspace("servers", zed, alice, bob);
    Workspace other = givenWorkspace("other", alice);

    assertThat(ports().workspaces().members(workspace.id()).keySet())
        .containsExactly(alice.name(), bob.name(), zed.name());
    assertThat(ports().workspaces().memberCount(workspace.id())).isEqualTo(3);
    assertThat(ports().workspaces().memberCount(other.id())).isEqualTo(1);
  }

  @Test
  default void refusesAMemberWhoIsNoUser() {
    Workspace workspace = givenWorkspace("servers");

    assertThatThrownBy(() -> ports().workspaces().putMember(workspace.id(), new UserName("nobody"), MemberRole.READER))
        .isInstanceOf(StorageException.class);
    assertThat(ports().workspaces().memberCount(workspace.id())).isZero();
  }

  @Test
  default void listsTheWorkspacesOfOneMemberByName() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace zeta = givenWorkspace("zeta", alice);
    givenWorkspace("beta", bob);
    Workspace alpha = givenWorkspace("alpha", alice, bob);
    givenWorkspace("empty");

    assertThat(ports().workspaces().listOf(alice.name())).containsExactly(alpha, zeta);
    assertThat(ports().workspaces().listOf(new UserName("nobody"))).isEmpty();
  }

  @Test
  default void listsWorkspacesByName() {
    givenWorkspace("zeta");
    givenWorkspace("alpha");
    assertThat(ports().workspaces().list()).extracting(w -> w.name().value()).containsExactly("alpha", "zeta");
  }

  @Test
  default void refusesADuplicateWorkspaceName() {
    givenWorkspace("servers");
    assertThatThrownBy(() -> ports().workspaces().add(StorageFixtures.aWorkspace("servers")))
        .isInstanceOf(DuplicateEntryException.class);
  }

  /** Concurrent member changes (several requests, or several nodes) must all survive. */
  @Test
  default void concurrentMemberChangesLoseNothing() throws Exception {
    Workspace workspace = givenWorkspace("servers");
    List<User> users = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      users.add(givenUser("member" + i));
    }
    StorageContract.concurrently(users.size(), i -> ports().unitOfWork().inTransaction(() -> {
      Workspace current = ports().workspaces().findForUpdate(workspace.name()).orElseThrow();
      ports().workspaces().putMember(current.id(), users.get(i).name(), MemberRole.READER);
      return null;
    }));

    assertThat(ports().workspaces().members(workspace.id()).keySet())
        .containsExactlyElementsOf(users.stream().map(User::name).sorted().toList());
  }
}
