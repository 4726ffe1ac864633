package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@code MfaPolicyRepository} does. */
public interface MfaPolicyRepositoryContract extends StorageContract {
  @Test
  default void hasNoPolicyUntilOneIsSaved() {
    Workspace workspace = givenWorkspace("servers");
    assertThat(ports().policies().find(workspace.id())).isEqualTo(MfaPolicy.NONE);
  }

  @Test
  default void roundTripsDuoSettingsIncludingTheSecretKey() {
    Workspace workspace = givenWorkspace("servers");
    MfaPolicy.Duo policy = new MfaPolicy.Duo(StorageFixtures.duoSettings(), Failmode.SAFE,
        new MfaOptions(Duration.ofHours(2), Duration.ofSeconds(60), Duration.ofSeconds(45), Duration.ofMinutes(5)));
    ports().policies().save(workspace.id(), policy);

    MfaPolicy stored = ports().policies().find(workspace.id());
    assertThat(stored).isEqualTo(policy);
    assertThat(((MfaPolicy.Duo) stored).settings().secretKey().reveal()).isEqualTo(StorageFixtures.SECRET_KEY);
  }

  @Test
  default void replacesAndDisablesAPolicy() {
    Workspace workspace = givenWorkspace("servers");
    ports().policies().save(workspace.id(), StorageFixtures.duoPolicy());
    ports().policies().save(workspace.id(), MfaPolicy.NONE);
    assertThat(ports().policies().find(workspace.id())).isEqualTo(MfaPolicy.NONE);
  }
}
