package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.MasterKeyRotation;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PersistenceModuleTest {
  static List<Class<?>> storagePorts() {
    return List.of(UserRepository.class, ApiTokenRepository.class, WorkspaceRepository.class,
        MfaPolicyRepository.class, DeviceChoiceRepository.class, ChallengeRepository.class,
        WorkspaceSessionRepository.class, AccessGuardRepository.class, EntryRepository.class,
        MasterKeyRotation.class, AuditLog.class, UnitOfWork.class);
  }

  private static Injector toolInjector(PersistenceRuntime runtime) {
    return Guice.createInjector(Stage.TOOL, binder -> binder.requireExplicitBindings(),
        new PersistenceModule(runtime));
  }

  @ParameterizedTest
  @MethodSource("storagePorts")
  void bindsEveryStoragePort(Class<?> port) {
    // An unstarted pool: no connection is made, as Stage.TOOL never calls a provider.
    try (PersistenceRuntime runtime = unstartedRuntime()) {
      assertThat(toolInjector(runtime).getExistingBinding(com.google.inject.Key.get(port))).isNotNull();
    }
  }

  @Test
  void configurationNeverPrintsSecrets() {
    PersistenceConfig config = PersistenceConfig.embedded(java.nio.file.Path.of("/tmp/gh"))
        .withMasterKey("c2VjcmV0LWtleS1tYXRlcmlhbC0zMi1ieXRlcy4uLi4=")
        .withExternalDatabase(new PersistenceConfig.ExternalDatabase(
            "jdbc:postgresql://db/gatehouse?password=hunter2", Optional.of("gh"), Optional.of("hunter2")));
    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("c2VjcmV0");
  }

  @Test
  void migrationsAreCurrentOnlyWhenNoneWasLeftPending() {
    assertThat(unstartedRuntime().migrationsCurrent()).isTrue();
    assertThat(new PersistenceRuntime(new HikariDataSource(), null, MasterKeySource.fixed(TestKeys.randomRing()),
        "unstarted", 1).migrationsCurrent()).isFalse();
  }

  private static PersistenceRuntime unstartedRuntime() {
    return new PersistenceRuntime(new HikariDataSource(), null, MasterKeySource.fixed(TestKeys.randomRing()),
        "unstarted");
  }
}
