package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@code AccessGuardRepository} does. */
public interface AccessGuardRepositoryContract extends StorageContract {
  @Test
  default void roundTripsCooldownSuspensionAndPasscodeFailures() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    assertThat(ports().guards().find(workspace.id(), alice.name())).isEmpty();

    AccessGuard guard = AccessGuard.clear(workspace.id(), alice.name())
        .afterDenial(StorageFixtures.T0, Duration.ofSeconds(30))
        .afterWrongPasscode(StorageFixtures.T0.plusSeconds(1))
        .afterWrongPasscode(StorageFixtures.T0.plusSeconds(2))
        .afterFraud(StorageFixtures.T0.plusSeconds(3));
    ports().guards().save(guard);
    assertThat(ports().guards().find(workspace.id(), alice.name())).contains(guard);

    AccessGuard cleared = guard.clearSuspension();
    ports().guards().save(cleared);
    assertThat(ports().guards().find(workspace.id(), alice.name())).contains(cleared);
  }

  /** Read-modify-write of one member's guard from concurrent units of work never loses an update. */
  @Test
  default void concurrentGuardUpdatesLoseNothing() throws Exception {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    int writers = AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW - 1;
    StorageContract.concurrently(writers, i -> ports().unitOfWork().inTransaction(() -> {
      AccessGuard guard = ports().guards().find(workspace.id(), alice.name())
          .orElse(AccessGuard.clear(workspace.id(), alice.name()));
      ports().guards().save(guard.afterWrongPasscode(StorageFixtures.T0.plusSeconds(i)));
      return null;
    }));

    assertThat(ports().guards().find(workspace.id(), alice.name()).orElseThrow().wrongPasscodes()).hasSize(writers);
  }
}
