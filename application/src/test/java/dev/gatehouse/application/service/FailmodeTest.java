package dev.gatehouse.application.service;

import static dev.gatehouse.application.fake.FakeSecondFactorGateway.rejected;
import static dev.gatehouse.application.fake.FakeSecondFactorGateway.unavailable;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.granted;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.session.GrantKind;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The failmode table of design note §4: exactly when Duo's trouble denies, grants, or never grants. */
class FailmodeTest {

  @ParameterizedTest
  @EnumSource(Kind.class)
  void secureDeniesWhenDuoIsUnavailableAtPreauth(Kind kind) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SECURE);
    env.duo.failNext(Operation.PREAUTH, unavailable(kind));

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.DUO_UNAVAILABLE);
    assertThat(denial.problem()).contains(SecondFactorProblem.UNAVAILABLE);
    assertThat(denial.detail().value()).contains("simulated " + kind);
    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void secureDeniesWhenDuoIsUnavailableAtAuthStart(Kind kind) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SECURE);
    env.duo.failNext(Operation.START_AUTH, unavailable(kind));

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.DUO_UNAVAILABLE);
    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void safeGrantsWhenDuoIsUnavailableAtPreauth(Kind kind) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.PREAUTH, unavailable(kind));

    SessionGrant session = granted(open(env, MEMBER));

    assertThat(session.kind()).isEqualTo(GrantKind.FAILSAFE);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void safeGrantsWhenDuoIsUnavailableAtAuthStart(Kind kind) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.START_AUTH, unavailable(kind));

    SessionGrant session = granted(open(env, MEMBER));

    assertThat(session.kind()).isEqualTo(GrantKind.FAILSAFE);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFailsafeGrantIsAuditedWithItsCause(Kind kind) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.PREAUTH, unavailable(kind));

    open(env, MEMBER);

    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.workspace()).contains(WORKSPACE);
      assertThat(e.outcome()).isEqualTo(kind.name().toLowerCase(Locale.ROOT));
      assertThat(e.detail()).contains("simulated " + kind);
    });
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFailsafeGrantAtAuthStartIsAuditedWithItsCause(Kind kind) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.START_AUTH, unavailable(kind));

    open(env, MEMBER);

    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("simulated " + kind));
  }

  @Test
  void theChallengeWhosePushCouldNotBeSentFails() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.START_AUTH, unavailable(Kind.SERVER_ERROR));
    open(env, MEMBER);

    assertThat(audit(env, AuditEventType.CHALLENGE_FAILED)).hasSize(1);
    assertThat(env.ports.challenges().findOpenDeviceRequest(GatehouseFixtures.workspaceId(env), MEMBER)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void safeNeverGrantsWhenDuoRejectsThePreauth(Reason reason) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.PREAUTH, rejected(reason));

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(expectedCode(reason));
    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).isEmpty();
    assertThat(audit(env, AuditEventType.ACCESS_GRANTED)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void safeNeverGrantsWhenDuoRejectsTheAuthStart(Reason reason) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.START_AUTH, rejected(reason));

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(expectedCode(reason));
    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void aRejectionIsAuditedAsADuoProblem(Reason reason) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.PREAUTH, rejected(reason));

    open(env, MEMBER);

    assertThat(audit(env, AuditEventType.DUO_PROBLEM)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(expectedCode(reason).name().toLowerCase(Locale.ROOT)));
  }

  @Test
  void safeNeverGrantsOnAnExplicitPreauthDeny() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.lockedOut(MEMBER.value());

    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.DUO_DENIED);
  }

  @Test
  void safeNeverGrantsOnADeniedPush() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    ChallengeView challenge = pending(open(env, MEMBER));
    env.duo.deny(env.duo.lastTransaction());

    ChallengeView view = read(env, MEMBER, challenge.id(), WAIT);

    assertThat(view.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(view.sessionReady()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void duoUnavailableWhilePollingNeverGrantsAndNeverEndsThePushEvenUnderSafe(Kind kind) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.AWAIT_STATUS, unavailable(kind));
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView view = read(env, MEMBER, challenge.id(), Duration.ofMillis(700));

    assertThat(view.state()).as("Duo may still hold the push: retried, not failed").isEqualTo(ChallengeState.PENDING);
    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).isEmpty();
    assertThat(approveAndRead(env, MEMBER, challenge.id()).state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(audit(env, AuditEventType.CHALLENGE_FAILED)).isEmpty();
  }

  @Test
  void duoRateLimitingWhilePollingIsRetriedLikeAnOutage() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.AWAIT_STATUS, rejected(Reason.RATE_LIMITED));
    ChallengeView challenge = pending(open(env, MEMBER));

    assertThat(read(env, MEMBER, challenge.id(), Duration.ofMillis(700)).state()).isEqualTo(ChallengeState.PENDING);
    assertThat(approveAndRead(env, MEMBER, challenge.id()).state()).isEqualTo(ChallengeState.APPROVED);
  }

  @ParameterizedTest
  @EnumSource(value = Reason.class, mode = EnumSource.Mode.EXCLUDE, names = "RATE_LIMITED")
  void duoRejectingWhilePollingFailsTheChallenge(Reason reason) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.AWAIT_STATUS, rejected(reason));
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView view = read(env, MEMBER, challenge.id(), WAIT);

    assertThat(view.state()).isEqualTo(ChallengeState.FAILED);
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void aFailedChallengeLetsTheMemberRetry() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SECURE);
    env.duo.failNext(Operation.AWAIT_STATUS, rejected(Reason.REQUEST_REJECTED));
    ChallengeView failed = pending(open(env, MEMBER));
    assertThat(read(env, MEMBER, failed.id(), WAIT).state()).isEqualTo(ChallengeState.FAILED);

    ChallengeView retry = pending(open(env, MEMBER));

    assertThat(retry.id()).isNotEqualTo(failed.id());
    assertThat(retry.state()).isEqualTo(ChallengeState.PENDING);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aDeviceChoiceIsNeverVerifiedByFailmode(Kind kind) {
    InMemoryGatehouse env = aDuoWorkspace(Failmode.SAFE);
    env.duo.failNext(Operation.PREAUTH, unavailable(kind));

    Denial denial = denied(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(denial.code()).isEqualTo(DenialCode.DUO_UNAVAILABLE);
    assertThat(env.ports.deviceChoices().find(GatehouseFixtures.workspaceId(env), MEMBER)).isEmpty();
  }

  private static DenialCode expectedCode(Reason reason) {
    return switch (reason) {
      case RATE_LIMITED -> DenialCode.DUO_RATE_LIMITED;
      case CREDENTIALS_REJECTED, INTEGRATION_FORBIDDEN, LOCAL_CONFIGURATION -> DenialCode.DUO_MISCONFIGURED;
      case REQUEST_REJECTED -> DenialCode.DUO_REQUEST_REJECTED;
    };
  }
}
