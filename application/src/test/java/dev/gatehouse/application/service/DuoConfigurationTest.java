package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.freshApproval;
import static dev.gatehouse.application.fake.FakeSecondFactorGateway.rejected;
import static dev.gatehouse.application.fake.FakeSecondFactorGateway.unavailable;
import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.configure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.DuoSummary;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seed's Check and Save of Duo settings: checked with Duo, saved only when the check passes. */
class DuoConfigurationTest {

  @Test
  void aPassingCheckSavesTheSettings() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    ConfigureDuoResult result = configure(env, Failmode.SAFE, MfaOptions.DEFAULTS);

    assertThat(result).isInstanceOfSatisfying(ConfigureDuoResult.Configured.class, c -> {
      assertThat(c.duo().integrationKey().value()).isEqualTo(StorageFixtures.INTEGRATION_KEY);
      assertThat(c.duo().failmode()).isEqualTo(Failmode.SAFE);
    });
    assertThat(savedSummary(env)).isPresent();
    assertThat(env.ports.policies().find(GatehouseFixtures.workspaceId(env)))
        .isEqualTo(new MfaPolicy.Duo(StorageFixtures.duoSettings(), Failmode.SAFE, MfaOptions.DEFAULTS));
  }

  @Test
  void configuringAsksDuoToCheckFirst() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    configure(env, Failmode.SECURE, MfaOptions.DEFAULTS);

    assertThat(env.duo.count(Operation.CHECK)).isEqualTo(1);
  }

  @Test
  void aPassingConfigurationIsAudited() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    configure(env, Failmode.SECURE, MfaOptions.DEFAULTS);

    assertThat(audit(env, AuditEventType.DUO_CHECKED)).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo("passed");
      assertThat(e.workspace()).contains(WORKSPACE);
    });
    assertThat(audit(env, AuditEventType.MFA_CONFIGURED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(ADMIN);
      assertThat(e.workspace()).contains(WORKSPACE);
      assertThat(e.detail()).contains(StorageFixtures.INTEGRATION_KEY).contains("failmode secure");
    });
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void aRejectedCheckSavesNothing(Reason reason) {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.duo.failNext(Operation.CHECK, rejected(reason));

    ConfigureDuoResult result = configure(env, Failmode.SECURE, MfaOptions.DEFAULTS);

    assertThat(result).isInstanceOfSatisfying(ConfigureDuoResult.CheckFailed.class,
        f -> assertThat(f.failure().problem()).isEqualTo(problemFor(reason)));
    assertThat(savedSummary(env)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anUnavailableCheckSavesNothing(Kind kind) {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.duo.failNext(Operation.CHECK, unavailable(kind));

    ConfigureDuoResult result = configure(env, Failmode.SAFE, MfaOptions.DEFAULTS);

    assertThat(result).isInstanceOfSatisfying(ConfigureDuoResult.CheckFailed.class, f -> {
      assertThat(f.failure().problem()).isEqualTo(SecondFactorProblem.UNAVAILABLE);
      assertThat(f.failure().report()).as("the gateway's report, not a sentence").isEqualTo("simulated " + kind);
    });
    assertThat(savedSummary(env)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void aFailedConfigurationIsAudited(Reason reason) {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.duo.failNext(Operation.CHECK, rejected(reason));

    configure(env, Failmode.SECURE, MfaOptions.DEFAULTS);

    assertThat(audit(env, AuditEventType.DUO_CHECKED)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(problemFor(reason).name().toLowerCase(Locale.ROOT)));
    assertThat(audit(env, AuditEventType.MFA_CONFIGURATION_REJECTED)).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo("not saved");
      assertThat(e.workspace()).contains(WORKSPACE);
    });
    assertThat(audit(env, AuditEventType.MFA_CONFIGURED)).isEmpty();
  }

  @Test
  void aFailedReconfigurationKeepsThePreviousSettings() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    configure(env, Failmode.SECURE, MfaOptions.DEFAULTS);
    freshApproval(env, ADMIN);
    env.duo.failNext(Operation.CHECK, rejected(Reason.CREDENTIALS_REJECTED));

    configure(env, Failmode.SAFE, MfaOptions.DEFAULTS);

    assertThat(savedSummary(env)).hasValueSatisfying(d -> assertThat(d.failmode()).isEqualTo(Failmode.SECURE));
  }

  @Test
  void aPassingCheckIsReportedAndAuditedButSavesNothing() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    DuoCheckResult result = check(env);

    assertThat(result).isInstanceOf(DuoCheckResult.Passed.class);
    assertThat(savedSummary(env)).isEmpty();
    assertThat(audit(env, AuditEventType.DUO_CHECKED)).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo("passed");
      assertThat(e.actor()).contains(ADMIN);
      assertThat(e.workspace()).isEmpty();
    });
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void aRejectedCheckIsReportedWithItsProblem(Reason reason) {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.duo.failNext(Operation.CHECK, rejected(reason));

    DuoCheckResult result = check(env);

    assertThat(result).isInstanceOfSatisfying(DuoCheckResult.Failed.class,
        f -> assertThat(f.problem()).isEqualTo(problemFor(reason)));
    assertThat(audit(env, AuditEventType.DUO_CHECKED)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(problemFor(reason).name().toLowerCase(Locale.ROOT)));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anUnavailableCheckIsReportedAsUnavailable(Kind kind) {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.duo.failNext(Operation.CHECK, unavailable(kind));

    DuoCheckResult result = check(env);

    assertThat(result).isInstanceOfSatisfying(DuoCheckResult.Failed.class,
        f -> assertThat(f.problem()).isEqualTo(SecondFactorProblem.UNAVAILABLE));
  }

  private static DuoCheckResult check(InMemoryGatehouse env) {
    return env.gatehouse.checkDuoSettings().check(new CheckDuoSettingsCommand(ADMIN, StorageFixtures.duoSettings()));
  }

  private static Optional<DuoSummary> savedSummary(InMemoryGatehouse env) {
    return env.gatehouse.getWorkspace().get(new GetWorkspaceQuery(ADMIN, WORKSPACE)).duo();
  }

  private static SecondFactorProblem problemFor(Reason reason) {
    return switch (reason) {
      case RATE_LIMITED -> SecondFactorProblem.RATE_LIMITED;
      case CREDENTIALS_REJECTED -> SecondFactorProblem.CREDENTIALS_REJECTED;
      case INTEGRATION_FORBIDDEN -> SecondFactorProblem.INTEGRATION_FORBIDDEN;
      case REQUEST_REJECTED -> SecondFactorProblem.REQUEST_REJECTED;
      case LOCAL_CONFIGURATION -> SecondFactorProblem.LOCAL_CONFIGURATION;
    };
  }
}
