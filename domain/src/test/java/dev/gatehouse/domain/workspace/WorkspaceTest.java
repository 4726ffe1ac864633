package dev.gatehouse.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
  private static final WorkspaceId ID = new WorkspaceId("ws-00000001");
  private static final WorkspaceName NAME = new WorkspaceName("prod");
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final UserName ALICE = new UserName("alice");
  private static final UserName BOB = new UserName("bob");

  private static Workspace aWorkspace() {
    return Workspace.create(ID, NAME, WorkspaceDescription.NONE, NOW);
  }

  private static Map<UserName, MemberRole> members(int count) {
    return IntStream.range(0, count).mapToObj(i -> new UserName("user" + i))
        .collect(Collectors.toMap(u -> u, u -> MemberRole.READER));
  }

  @Test
  void addsAMemberAsAReaderUnlessToldOtherwise() {
    Workspace workspace = aWorkspace().withMember(ALICE).withMember(BOB, MemberRole.EDITOR);

    assertThat(workspace.roleOf(ALICE)).contains(MemberRole.READER);
    assertThat(workspace.roleOf(BOB)).contains(MemberRole.EDITOR);
    assertThat(workspace.roleOf(new UserName("carol"))).isEmpty();
  }

  @Test
  void readdingAMemberWithoutARoleKeepsTheirRole() {
    Workspace workspace = aWorkspace().withMember(BOB, MemberRole.EDITOR).withMember(BOB);

    assertThat(workspace.roleOf(BOB)).contains(MemberRole.EDITOR);
  }

  @Test
  void startsWithoutMembers() {
    assertThat(aWorkspace().members()).isEmpty();
  }

  @Test
  void addingAMemberReturnsAWorkspaceWithThatMember() {
    Workspace workspace = aWorkspace().withMember(ALICE);

    assertThat(workspace.isMember(ALICE)).isTrue();
    assertThat(workspace.members()).containsExactly(ALICE);
  }

  @Test
  void addingAMemberLeavesTheOriginalUnchanged() {
    Workspace original = aWorkspace();

    original.withMember(ALICE);

    assertThat(original.isMember(ALICE)).isFalse();
  }

  @Test
  void addingAnExistingMemberChangesNothing() {
    Workspace workspace = aWorkspace().withMember(ALICE);

    assertThat(workspace.withMember(ALICE)).isEqualTo(workspace);
  }

  @Test
  void removingAMemberReturnsAWorkspaceWithoutThatMember() {
    Workspace workspace = aWorkspace().withMember(ALICE).withMember(BOB).withoutMember(ALICE);

    assertThat(workspace.members()).containsExactly(BOB);
  }

  @Test
  void removingAMemberLeavesTheOriginalUnchanged() {
    Workspace original = aWorkspace().withMember(ALICE);

    original.withoutMember(ALICE);

    assertThat(original.isMember(ALICE)).isTrue();
  }

  @Test
  void removingANonMemberChangesNothing() {
    Workspace workspace = aWorkspace().withMember(ALICE);

    assertThat(workspace.withoutMember(BOB)).isEqualTo(workspace);
  }

  @Test
  void refusesToAddNoOne() {
    assertThatThrownBy(() -> aWorkspace().withMember(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("user is required");
  }

  @Test
  void refusesToRemoveNoOne() {
    assertThatThrownBy(() -> aWorkspace().withoutMember(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("user is required");
  }

  @Test
  void noOneIsAMemberOfAnEmptyWorkspace() {
    assertThat(aWorkspace().isMember(ALICE)).isFalse();
  }

  @Test
  void listsMembersSortedByName() {
    Workspace workspace = aWorkspace().withMember(new UserName("carol")).withMember(ALICE)
        .withMember(BOB);

    assertThat(workspace.members()).containsExactly(ALICE, BOB, new UserName("carol"));
  }

  @Test
  void membersCannotBeModifiedFromOutside() {
    Workspace workspace = aWorkspace().withMember(ALICE);

    assertThatThrownBy(() -> workspace.members().add(BOB))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void restoreCopiesTheMembersItIsGiven() {
    Map<UserName, MemberRole> given = new HashMap<>(Map.of(ALICE, MemberRole.READER));
    Workspace workspace = Workspace.restore(ID, NAME, WorkspaceDescription.NONE, given, NOW);

    given.put(BOB, MemberRole.EDITOR);

    assertThat(workspace.members()).containsExactly(ALICE);
  }

  @Test
  void acceptsUpToTheMemberLimit() {
    Workspace full = Workspace.restore(ID, NAME, WorkspaceDescription.NONE,
        members(Workspace.MAX_MEMBERS), NOW);

    assertThat(full.members()).hasSize(Workspace.MAX_MEMBERS);
  }

  @Test
  void refusesAMemberBeyondTheLimit() {
    Workspace full = Workspace.restore(ID, NAME, WorkspaceDescription.NONE,
        members(Workspace.MAX_MEMBERS), NOW);

    assertThatThrownBy(() -> full.withMember(ALICE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("members must be at most 1000");
  }

  @Test
  void readdingAnExistingMemberIsAllowedAtTheLimit() {
    Workspace full = Workspace.restore(ID, NAME, WorkspaceDescription.NONE,
        members(Workspace.MAX_MEMBERS), NOW);

    assertThat(full.withMember(new UserName("user0"))).isEqualTo(full);
  }

  @Test
  void restoreRefusesMoreMembersThanTheLimit() {
    assertThatThrownBy(() -> Workspace.restore(ID, NAME, WorkspaceDescription.NONE,
        members(Workspace.MAX_MEMBERS + 1), NOW))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void restoreRefusesMissingName() {
    assertThatThrownBy(() -> Workspace.restore(ID, null, WorkspaceDescription.NONE, Map.of(), NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("workspaceName is required");
  }

  @Test
  void keepsIdentityAcrossMembershipChanges() {
    Workspace workspace = aWorkspace().withMember(ALICE);

    assertThat(workspace.id()).isEqualTo(ID);
    assertThat(workspace.name()).isEqualTo(NAME);
    assertThat(workspace.createdAt()).isEqualTo(NOW);
  }

  @Test
  void restoredWorkspaceEqualsTheOneItWasSavedFrom() {
    Workspace workspace = aWorkspace().withMember(ALICE);

    assertThat(Workspace.restore(ID, NAME, WorkspaceDescription.NONE, Map.of(ALICE, MemberRole.READER), NOW))
        .isEqualTo(workspace)
        .hasSameHashCodeAs(workspace);
  }

  @Test
  void workspacesWithDifferentMembersDiffer() {
    assertThat(aWorkspace().withMember(ALICE)).isNotEqualTo(aWorkspace());
  }

  @Test
  void toStringShowsNameAndMemberCount() {
    assertThat(aWorkspace().withMember(ALICE)).hasToString("Workspace[prod, 1 members]");
  }
}
