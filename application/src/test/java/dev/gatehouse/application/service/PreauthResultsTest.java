package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import static dev.gatehouse.application.service.GatehouseFixtures.CLIENT;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.granted;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesQuery;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.session.GrantKind;
import org.junit.jupiter.api.Test;

/** What Duo's preauth answer (auth, allow, deny, enroll) means for opening and for listing devices. */
class PreauthResultsTest {
  private static final String ENROLL_URL = "https://api-test.duosecurity.com/portal?code=abc";

  @Test
  void authProceedsToAChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();

    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void allowGrantsWithoutASecondFactor() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.bypass(MEMBER.value());

    SessionGrant session = granted(open(env, MEMBER));

    assertThat(session.kind()).isEqualTo(GrantKind.DUO_BYPASS);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(1);
  }

  @Test
  void allowIsAuditedAsADuoSideBypass() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.bypass(MEMBER.value());

    open(env, MEMBER);

    assertThat(audit(env, AuditEventType.DUO_BYPASS)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.workspace()).contains(WORKSPACE);
      assertThat(e.outcome()).isEqualTo("allow");
      assertThat(e.detail()).contains("Allowing unknown user");
    });
  }

  @Test
  void denyRefusesWithDuosMessage() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.lockedOut(MEMBER.value());

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.DUO_DENIED);
    assertThat(denial.detail().value()).isEqualTo("Your account is disabled");
    assertThat(audit(env, AuditEventType.ACCESS_DENIED)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("duo_denied"));
  }

  @Test
  void aUserDuoDoesNotKnowIsDeniedWithoutAPush() {
    InMemoryGatehouse env = GatehouseFixtures.aWorkspaceWithMembers();
    GatehouseFixtures.configure(env, Failmode.SECURE, MfaOptions.DEFAULTS);

    Denial denial = denied(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(denial.code()).isEqualTo(DenialCode.DUO_DENIED);
    assertThat(denial.detail().value()).isEqualTo("Unknown user");
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }

  @Test
  void enrollRefusesWithTheEnrollmentUrl() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.notEnrolled(MEMBER.value());

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.ENROLLMENT_REQUIRED);
    assertThat(denial.enrollmentUrl()).contains(ENROLL_URL);
    assertThat(denial.detail().value()).isEqualTo("Enroll an authentication device to proceed");
  }

  @Test
  void noRefusalSendsAPush() {
    InMemoryGatehouse env = aMemberWithActivePush();

    env.duo.lockedOut(MEMBER.value());
    open(env, MEMBER);
    env.duo.notEnrolled(MEMBER.value());
    open(env, MEMBER);

    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(1);
  }

  @Test
  void listingDevicesWhileDuoIsUnavailableCarriesTheClassAndTheGatewaysReportNotASentence() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.failNext(Operation.PREAUTH, FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.TIMEOUT));

    assertThatThrownBy(() -> list(env)).isInstanceOfSatisfying(SecondFactorProblemException.class, e -> {
      assertThat(e.problem()).isEqualTo(SecondFactorProblem.UNAVAILABLE);
      assertThat(e.getMessage()).isEqualTo("simulated TIMEOUT");
    });
  }

  @Test
  void listingDevicesShowsABypassUser() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.bypass(MEMBER.value());

    assertThat(list(env)).isInstanceOf(DeviceListResult.Bypass.class);
  }

  @Test
  void listingDevicesShowsDuosDeny() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.lockedOut(MEMBER.value());

    assertThat(list(env)).isInstanceOfSatisfying(DeviceListResult.Denied.class, d -> {
      assertThat(d.denial().code()).isEqualTo(DenialCode.DUO_DENIED);
      assertThat(d.denial().detail().value()).isEqualTo("Your account is disabled");
    });
  }

  @Test
  void listingDevicesShowsTheEnrollmentUrl() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.notEnrolled(MEMBER.value());

    assertThat(list(env)).isInstanceOfSatisfying(DeviceListResult.Denied.class, d -> {
      assertThat(d.denial().code()).isEqualTo(DenialCode.ENROLLMENT_REQUIRED);
      assertThat(d.denial().enrollmentUrl()).contains(ENROLL_URL);
    });
  }

  @Test
  void aBypassUserCannotVerifyADevice() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.bypass(MEMBER.value());

    Denial denial = denied(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(denial.code()).isEqualTo(DenialCode.DUO_BYPASS_USER);
    assertThat(env.ports.deviceChoices().find(GatehouseFixtures.workspaceId(env), MEMBER)).isEmpty();
  }

  @Test
  void aBypassUserWithoutADeviceIsGrantedAndAudited() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.bypass(MEMBER.value());

    SessionGrant session = granted(open(env, MEMBER));

    assertThat(session.kind()).isEqualTo(GrantKind.DUO_BYPASS);
    assertThat(audit(env, AuditEventType.DUO_BYPASS)).hasSize(1);
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }

  /** A fraud report stops every way in: not even a Duo bypass opens for a suspended member. */
  @Test
  void aSuspendedBypassUserIsDeniedWithoutAskingDuo() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.bypass(MEMBER.value());
    suspend(env);

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.SUSPENDED);
    assertThat(env.duo.count(Operation.PREAUTH)).isZero();
    assertThat(audit(env, AuditEventType.DUO_BYPASS)).isEmpty();
  }

  @Test
  void aSuspendedMemberWithoutADeviceIsToldTheyAreSuspended() {
    InMemoryGatehouse env = aDuoWorkspace();
    suspend(env);

    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.SUSPENDED);
  }

  private static void suspend(InMemoryGatehouse env) {
    env.ports.guards().save(AccessGuard.clear(GatehouseFixtures.workspaceId(env), MEMBER)
        .afterFraud(env.clock.instant()));
  }

  @Test
  void aMemberWithoutADeviceWhoMustEnrollIsShownTheEnrollmentUrl() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.notEnrolled(MEMBER.value());

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.ENROLLMENT_REQUIRED);
    assertThat(denial.enrollmentUrl()).contains(ENROLL_URL);
  }

  @Test
  void aMemberWithoutADeviceWhomDuoDeniesIsDeniedWithDuosMessage() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.lockedOut(MEMBER.value());

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.DUO_DENIED);
    assertThat(denial.detail().value()).isEqualTo("Your account is disabled");
  }

  @Test
  void aMemberWithDevicesButNoneVerifiedMustChooseOne() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.enrolled(MEMBER.value(), PHONE);

    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.NO_ACTIVE_DEVICE);
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }

  private static DeviceListResult list(InMemoryGatehouse env) {
    return env.gatehouse.listDuoDevices().list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT));
  }
}
