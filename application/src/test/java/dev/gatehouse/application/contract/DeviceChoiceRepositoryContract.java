package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;

/** What every {@code DeviceChoiceRepository} does. */
public interface DeviceChoiceRepositoryContract extends StorageContract {
  @Test
  default void storesPendingThenActiveChoices() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    DeviceChoice pending = DeviceChoice.create(workspace.id(), alice.name(), StorageFixtures.push(), StorageFixtures.T0);
    ports().deviceChoices().save(pending);
    assertThat(ports().deviceChoices().find(workspace.id(), alice.name())).contains(pending);

    DeviceChoice active = pending.activate(StorageFixtures.push(), StorageFixtures.T0.plusSeconds(5));
    DeviceChoice both = active.choose(StorageFixtures.passcode(), StorageFixtures.T0.plusSeconds(9));
    ports().deviceChoices().save(both);
    assertThat(ports().deviceChoices().find(workspace.id(), alice.name())).contains(both);
  }

  @Test
  default void keepsChoicesPerWorkspaceAndMember() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace workspace = givenWorkspace("servers", alice, bob);
    ports().deviceChoices().save(DeviceChoice.create(workspace.id(), alice.name(), StorageFixtures.push(), StorageFixtures.T0));
    assertThat(ports().deviceChoices().find(workspace.id(), bob.name())).isEmpty();
  }
}
