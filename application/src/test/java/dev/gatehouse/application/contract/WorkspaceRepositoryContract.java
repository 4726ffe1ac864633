package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.ArrayList;
import java.util.List;
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
  default void updatesMembers() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace workspace = givenWorkspace("servers", alice);

    ports().workspaces().update(workspace.withMember(bob.name()).withoutMember(alice.name()));

    assertThat(ports().workspaces().find(workspace.id()).orElseThrow().members()).containsExactly(bob.name());
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

  /** Two concurrent member changes (two requests, or two nodes) must both survive. */
  @Test
  default void concurrentMemberChangesLoseNothing() throws Exception {
    Workspace workspace = givenWorkspace("servers");
    List<User> users = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      users.add(givenUser("member" + i));
    }
    StorageContract.concurrently(users.size(), i -> ports().unitOfWork().inTransaction(() -> {
      Workspace current = ports().workspaces().findForUpdate(workspace.name()).orElseThrow();
      ports().workspaces().update(current.withMember(users.get(i).name()));
      return null;
    }));

    assertThat(ports().workspaces().find(workspace.id()).orElseThrow().members())
        .containsExactlyElementsOf(users.stream().map(User::name).sorted().toList());
  }
}
