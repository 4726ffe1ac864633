package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.addUser;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.readiness.DuoReadinessQuery;
import dev.gatehouse.application.port.in.readiness.DuoReadinessReport;
import dev.gatehouse.application.port.in.readiness.MemberReadiness;
import dev.gatehouse.application.port.in.readiness.PreauthAnswer;
import dev.gatehouse.application.port.in.readiness.ReadinessReason;
import dev.gatehouse.application.port.in.readiness.Verdict;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Duo readiness report: every member's preauth answer against their choice in Gatehouse. */
class DuoReadinessTest {
  private static final UserName BYPASSED = new UserName("dave");
  private static final UserName UNENROLLED = new UserName("erin");
  private static final UserName LOCKED = new UserName("frank");

  private static DuoReadinessReport report(InMemoryGatehouse env) {
    return env.gatehouse.duoReadiness().report(new DuoReadinessQuery(ADMIN, WORKSPACE, Optional.empty()));
  }

  private static MemberReadiness of(DuoReadinessReport report, UserName name) {
    return report.members().stream().filter(m -> m.member().equals(name)).findFirst().orElseThrow();
  }

  private static void member(InMemoryGatehouse env, UserName name) {
    addUser(env, name, Role.MEMBER);
    env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, name));
  }

  @Test
  void reportsEveryPreauthStateAndTheSummary() {
    InMemoryGatehouse env = aMemberWithActivePush();
    member(env, BYPASSED);
    member(env, UNENROLLED);
    member(env, LOCKED);
    env.duo.bypass(BYPASSED.value()).notEnrolled(UNENROLLED.value()).lockedOut(LOCKED.value());

    DuoReadinessReport report = report(env);

    assertThat(report.members()).extracting(MemberReadiness::member)
        .containsExactly(MEMBER, OTHER_MEMBER, BYPASSED, UNENROLLED, LOCKED);
    assertThat(of(report, MEMBER).verdict()).isEqualTo(Verdict.ASKED);
    assertThat(of(report, MEMBER).devices()).contains(PHONE);
    assertThat(of(report, OTHER_MEMBER).verdict()).isEqualTo(Verdict.CANNOT_GET_IN);
    assertThat(of(report, OTHER_MEMBER).reason()).isEqualTo(ReadinessReason.NO_DEVICE_CHOSEN);
    assertThat(of(report, BYPASSED).verdict()).isEqualTo(Verdict.NO_SECOND_FACTOR);
    assertThat(of(report, BYPASSED).preauth()).isEqualTo(PreauthAnswer.ALLOW);
    assertThat(of(report, BYPASSED).reason()).isEqualTo(ReadinessReason.BYPASS);
    assertThat(of(report, UNENROLLED).enrollmentUrl()).isPresent();
    assertThat(of(report, UNENROLLED).verdict()).isEqualTo(Verdict.CANNOT_GET_IN);
    assertThat(of(report, UNENROLLED).reason()).isEqualTo(ReadinessReason.NOT_ENROLLED);
    assertThat(of(report, LOCKED).preauth()).isEqualTo(PreauthAnswer.DENY);
    assertThat(of(report, LOCKED).reason()).isEqualTo(ReadinessReason.DUO_DENIES);
    assertThat(of(report, MEMBER).reason()).isEqualTo(ReadinessReason.DUO_WILL_ASK);
    assertThat(of(report, MEMBER).problem()).isEmpty();
    assertThat(report.with(Verdict.ASKED)).containsExactly(MEMBER);
    assertThat(report.unsavedSettings()).isFalse();
  }

  @Test
  void sendsNothingButPreauthAndOneCheck() {
    InMemoryGatehouse env = aMemberWithActivePush();
    long startsBefore = env.duo.count(FakeSecondFactorGateway.Operation.START_AUTH);

    report(env);

    assertThat(env.duo.count(FakeSecondFactorGateway.Operation.START_AUTH)).isEqualTo(startsBefore);
    assertThat(env.duo.calls().stream().skip(env.duo.calls().size() - 3)
        .map(FakeSecondFactorGateway.Call::operation))
        .containsExactly(FakeSecondFactorGateway.Operation.CHECK, FakeSecondFactorGateway.Operation.PREAUTH,
            FakeSecondFactorGateway.Operation.PREAUTH);
  }

  @Test
  void aDeviceNoLongerListedIsDrift() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.enrolled(MEMBER.value(), OTHER_PHONE);

    MemberReadiness bob = of(report(env), MEMBER);

    assertThat(bob.choiceStillListed()).isFalse();
    assertThat(bob.verdict()).isEqualTo(Verdict.CANNOT_GET_IN);
    assertThat(bob.reason()).isEqualTo(ReadinessReason.DEVICE_NO_LONGER_LISTED);
  }

  @Test
  void aSuspendedMemberCannotGetInWhateverDuoSays() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.ports.guards().save(AccessGuard.clear(GatehouseFixtures.workspaceId(env), MEMBER).afterFraud(Instant.now()));

    MemberReadiness bob = of(report(env), MEMBER);

    assertThat(bob.suspended()).isTrue();
    assertThat(bob.verdict()).isEqualTo(Verdict.CANNOT_GET_IN);
    assertThat(bob.reason()).isEqualTo(ReadinessReason.SUSPENDED);
  }

  @Test
  void membersDuoCouldNotAnswerForAreReportedAsNotChecked() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.failNext(FakeSecondFactorGateway.Operation.PREAUTH,
        FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.RATE_LIMITED));

    DuoReadinessReport report = report(env);

    assertThat(report.with(Verdict.NOT_CHECKED)).hasSize(1);
    MemberReadiness notChecked = report.members().stream().filter(m -> m.verdict() == Verdict.NOT_CHECKED)
        .findFirst().orElseThrow();
    assertThat(notChecked.reason()).isEqualTo(ReadinessReason.NOT_CHECKED);
    assertThat(notChecked.problem()).contains(SecondFactorProblem.RATE_LIMITED);
    assertThat(notChecked.problemReport()).isEqualTo("simulated RATE_LIMITED");
  }

  @Test
  void unsavedSettingsAreCheckedOnceBeforeAnyPreauth() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.duo.failNext(FakeSecondFactorGateway.Operation.CHECK,
        FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.CREDENTIALS_REJECTED));

    assertThatThrownBy(() -> env.gatehouse.duoReadiness().report(new DuoReadinessQuery(ADMIN, WORKSPACE,
        Optional.of(StorageFixtures.duoSettings()))))
        .isInstanceOfSatisfying(SecondFactorProblemException.class,
            e -> assertThat(e.problem()).isEqualTo(SecondFactorProblem.CREDENTIALS_REJECTED));
    assertThat(env.duo.count(FakeSecondFactorGateway.Operation.PREAUTH)).isZero();
  }

  @Test
  void aWorkspaceWithoutDuoNeedsSettingsToCheck() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.duo.enrolled(MEMBER.value(), PHONE);

    assertThatThrownBy(() -> report(env)).isInstanceOfSatisfying(SecondFactorProblemException.class,
        e -> assertThat(e.problem()).isEqualTo(SecondFactorProblem.NOT_CONFIGURED));
    DuoReadinessReport unsaved = env.gatehouse.duoReadiness().report(new DuoReadinessQuery(ADMIN, WORKSPACE,
        Optional.of(StorageFixtures.duoSettings())));
    assertThat(unsaved.unsavedSettings()).isTrue();
    assertThat(of(unsaved, MEMBER).preauth()).isEqualTo(PreauthAnswer.AUTH);
  }

  @Test
  void isForAdministratorsAndAuditedAsOneEvent() {
    InMemoryGatehouse env = aMemberWithActivePush();

    assertThatThrownBy(() -> env.gatehouse.duoReadiness().report(new DuoReadinessQuery(MEMBER, WORKSPACE,
        Optional.empty()))).isInstanceOf(AccessDeniedException.class);
    report(env);

    assertThat(audit(env, AuditEventType.DUO_READINESS_CHECKED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("asked 1").contains("of 2 member(s)"));
  }

  @Test
  void duoUnavailableForTheCheckFailsTheWholeReport() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.failNext(FakeSecondFactorGateway.Operation.CHECK,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.TIMEOUT));

    assertThatThrownBy(() -> report(env)).isInstanceOfSatisfying(SecondFactorProblemException.class,
        e -> assertThat(e.problem()).isEqualTo(SecondFactorProblem.UNAVAILABLE));
  }
}
