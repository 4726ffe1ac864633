package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code WorkspaceSessionRepository} does. */
public interface WorkspaceSessionRepositoryContract extends StorageContract {
  private WorkspaceSession session(Workspace workspace, User user, GrantKind kind, Instant at) {
    return WorkspaceSession.open(ports().tokens().newSessionId(), ports().tokens().hash(ports().tokens().newToken()),
        workspace.id(), user.name(), kind, at, at.plus(Duration.ofHours(8)));
  }

  @Test
  default void findsASessionByTokenHashAndById() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    WorkspaceSession session = session(workspace, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    ports().sessions().add(session);
    assertThat(ports().sessions().find(session.tokenHash())).contains(session);
    assertThat(ports().sessions().find(session.id())).contains(session);
    assertThat(ports().sessions().find(ports().tokens().newSessionId())).isEmpty();
  }

  @Test
  default void findsTheLatestDuoApprovedSessionOnly() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    WorkspaceSession older = session(workspace, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    WorkspaceSession newer = session(workspace, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0.plusSeconds(60));
    ports().sessions().add(older);
    ports().sessions().add(newer);
    ports().sessions().add(session(workspace, alice, GrantKind.FAILSAFE, StorageFixtures.T0.plusSeconds(120)));
    ports().sessions().add(session(workspace, alice, GrantKind.REMEMBERED, StorageFixtures.T0.plusSeconds(180)));

    assertThat(ports().sessions().findLatestDuoApproved(workspace.id(), alice.name())).contains(newer);
  }

  @Test
  default void aRevokedSessionNeverCountsForTheRememberWindow() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    WorkspaceSession older = session(workspace, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    WorkspaceSession newer = session(workspace, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0.plusSeconds(60));
    ports().sessions().add(older);
    ports().sessions().add(newer);

    ports().sessions().revokeAll(workspace.id(), Optional.of(alice.name()), StorageFixtures.T0.plusSeconds(90));

    assertThat(ports().sessions().findLatestDuoApproved(workspace.id(), alice.name())).isEmpty();
  }

  @Test
  default void findsTheUsersLatestDuoApprovedSessionInAnyWorkspace() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace servers = givenWorkspace("servers", alice, bob);
    Workspace other = givenWorkspace("other", alice, bob);
    WorkspaceSession older = session(servers, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    WorkspaceSession newer = session(other, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0.plusSeconds(60));
    ports().sessions().add(older);
    ports().sessions().add(newer);
    ports().sessions().add(session(servers, alice, GrantKind.REMEMBERED, StorageFixtures.T0.plusSeconds(120)));
    ports().sessions().add(session(servers, alice, GrantKind.DUO_BYPASS, StorageFixtures.T0.plusSeconds(150)));
    ports().sessions().add(session(servers, bob, GrantKind.DUO_APPROVED, StorageFixtures.T0.plusSeconds(180)));

    assertThat(ports().sessions().findLatestDuoApprovedOf(alice.name())).contains(newer);

    ports().sessions().revoke(newer.id(), StorageFixtures.T0.plusSeconds(200));
    assertThat(ports().sessions().findLatestDuoApprovedOf(alice.name())).contains(older);
    ports().sessions().revokeAllOf(alice.name(), StorageFixtures.T0.plusSeconds(210));
    assertThat(ports().sessions().findLatestDuoApprovedOf(alice.name())).isEmpty();
  }

  @Test
  default void listsOnlyLiveSessionsOfTheWorkspaceNewestFirst() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace servers = givenWorkspace("servers", alice, bob);
    Workspace other = givenWorkspace("other", alice);
    WorkspaceSession older = session(servers, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    WorkspaceSession newer = session(servers, bob, GrantKind.NO_MFA, StorageFixtures.T0.plusSeconds(60));
    WorkspaceSession expired = session(servers, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0.minus(Duration.ofHours(9)));
    WorkspaceSession revoked = session(servers, bob, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    WorkspaceSession elsewhere = session(other, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    for (WorkspaceSession s : new WorkspaceSession[] {older, newer, expired, revoked, elsewhere}) {
      ports().sessions().add(s);
    }
    ports().sessions().revoke(revoked.id(), StorageFixtures.T0.plusSeconds(1));

    assertThat(ports().sessions().listLive(servers.id(), StorageFixtures.T0.plusSeconds(120)))
        .containsExactly(newer, older);
  }

  @Test
  default void revokesALiveSessionOnce() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    WorkspaceSession session = session(workspace, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    ports().sessions().add(session);
    Instant at = StorageFixtures.T0.plusSeconds(30);

    assertThat(ports().sessions().revoke(session.id(), at)).isTrue();
    assertThat(ports().sessions().revoke(session.id(), at.plusSeconds(1))).isFalse();

    WorkspaceSession stored = ports().sessions().find(session.tokenHash()).orElseThrow();
    assertThat(stored.revokedAt()).contains(at);
    assertThat(stored.isLiveAt(at.plusSeconds(1))).isFalse();
  }

  @Test
  default void revokesAllSessionsOfAMemberOrOfTheWholeWorkspace() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace servers = givenWorkspace("servers", alice, bob);
    Workspace other = givenWorkspace("other", alice);
    WorkspaceSession alices = session(servers, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    WorkspaceSession bobs = session(servers, bob, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    WorkspaceSession elsewhere = session(other, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    ports().sessions().add(alices);
    ports().sessions().add(bobs);
    ports().sessions().add(elsewhere);
    Instant at = StorageFixtures.T0.plusSeconds(10);

    assertThat(ports().sessions().revokeAll(servers.id(), Optional.of(alice.name()), at)).isEqualTo(1);
    assertThat(ports().sessions().find(bobs.id()).orElseThrow().isRevoked()).isFalse();
    assertThat(ports().sessions().revokeAll(servers.id(), Optional.empty(), at)).isEqualTo(1);
    assertThat(ports().sessions().find(bobs.id()).orElseThrow().isRevoked()).isTrue();
    assertThat(ports().sessions().find(elsewhere.id()).orElseThrow().isRevoked()).isFalse();
    assertThat(ports().sessions().revokeAllOf(alice.name(), at)).isEqualTo(1);
    assertThat(ports().sessions().find(elsewhere.id()).orElseThrow().isRevoked()).isTrue();
  }
}
