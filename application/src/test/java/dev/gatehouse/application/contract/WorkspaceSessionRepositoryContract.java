package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@code WorkspaceSessionRepository} does. */
public interface WorkspaceSessionRepositoryContract extends StorageContract {
  private WorkspaceSession session(Workspace workspace, User user, GrantKind kind, Instant at) {
    return new WorkspaceSession(ports().tokens().hash(ports().tokens().newToken()), workspace.id(),
        user.name(), kind, at, at.plus(Duration.ofHours(8)));
  }

  @Test
  default void findsASessionByTokenHash() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    WorkspaceSession session = session(workspace, alice, GrantKind.DUO_APPROVED, StorageFixtures.T0);
    ports().sessions().add(session);
    assertThat(ports().sessions().find(session.tokenHash())).contains(session);
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
}
