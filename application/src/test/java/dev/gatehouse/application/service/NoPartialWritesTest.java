package dev.gatehouse.application.service;

import static dev.gatehouse.application.fake.FakeSecondFactorGateway.unavailable;
import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OUTSIDER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.WRONG_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActiveDevice;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static dev.gatehouse.application.service.GatehouseFixtures.submit;
import static dev.gatehouse.application.service.GatehouseFixtures.workspaceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A storage failure midway through a use case leaves nothing half-written and is reported as such. */
class NoPartialWritesTest {

  /** Choosing writes the pending choice, its audit, the challenge and its audit in one unit. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void choosingADeviceStoresNeitherChoiceNorChallengeWhenAWriteFails(int failingWrite) {
    InMemoryGatehouse env = aDuoWorkspace();
    List<AuditEvent> before = audit(env);
    env.store.failOnWrite(failingWrite);

    assertThatThrownBy(() -> choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)))
        .isInstanceOf(StorageProblemException.class);

    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER)).isEmpty();
    assertThat(env.ports.challenges().findOpenDeviceRequest(workspaceId(env), MEMBER)).isEmpty();
    assertThat(audit(env)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void noPushIsSentWhenTheChallengeCouldNotBeStored(int failingWrite) {
    InMemoryGatehouse env = aDuoWorkspace();
    env.store.failOnWrite(failingWrite);

    assertThatThrownBy(() -> choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)))
        .isInstanceOf(StorageProblemException.class);

    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }

  @Test
  void aFailedChoiceCanBeMadeAgain() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.store.failOnWrite(3);
    assertThatThrownBy(() -> choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)))
        .isInstanceOf(StorageProblemException.class);

    ChallengeView challenge = GatehouseFixtures.verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(challenge.state()).isEqualTo(ChallengeState.PENDING);
  }

  /** A failsafe grant writes its audit event, the session and the grant's audit event together. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void aFailsafeGrantLeavesNoTraceWhenAWriteFails(int failingWrite) {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    List<AuditEvent> before = audit(env);
    env.duo.failNext(Operation.PREAUTH, unavailable(Kind.UNREACHABLE));
    env.store.failOnWrite(failingWrite);

    assertThatThrownBy(() -> open(env, MEMBER)).isInstanceOf(StorageProblemException.class);

    assertThat(audit(env)).isEqualTo(before);
  }

  /**
   * A passcode is counted on the challenge and on the member's guard together, before Duo is
   * asked: when that cannot be stored, nothing is counted and Duo never sees the passcode.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aPasscodeIsNeitherCountedNorSentWhenItsReservationCannotBeStored(int failingWrite) {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));
    List<AuditEvent> before = audit(env);
    long verifications = env.duo.count(Operation.VERIFY_PASSCODE);
    env.store.failOnWrite(failingWrite);

    assertThatThrownBy(() -> submit(env, MEMBER, challenge.id(), WRONG_PASSCODE))
        .isInstanceOf(StorageProblemException.class);

    assertThat(read(env, MEMBER, challenge.id(), GatehouseFixtures.NO_WAIT).remainingPasscodeAttempts())
        .isEqualTo(challenge.remainingPasscodeAttempts());
    assertThat(env.ports.guards().find(workspaceId(env), MEMBER).orElseThrow().wrongPasscodes()).isEmpty();
    assertThat(audit(env)).isEqualTo(before);
    assertThat(env.duo.count(Operation.VERIFY_PASSCODE)).isEqualTo(verifications);
  }

  /**
   * Once Duo was asked, the passcode stays counted even if its answer cannot be stored: a storage
   * failure must not hand out free guesses. The answer's own writes (rejection, audit) roll back together.
   */
  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5})
  void aPasscodeSentToDuoStaysCountedWhenItsAnswerCannotBeStored(int failingWrite) {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));
    List<AuditEvent> before = audit(env);
    env.store.failOnWrite(failingWrite);

    assertThatThrownBy(() -> submit(env, MEMBER, challenge.id(), WRONG_PASSCODE))
        .isInstanceOf(StorageProblemException.class);

    assertThat(read(env, MEMBER, challenge.id(), GatehouseFixtures.NO_WAIT).remainingPasscodeAttempts())
        .isEqualTo(challenge.remainingPasscodeAttempts() - 1);
    assertThat(env.ports.guards().find(workspaceId(env), MEMBER).orElseThrow().wrongPasscodes()).hasSize(1);
    assertThat(audit(env)).isEqualTo(before);
  }

  /**
   * The approval of a verifying push updates the challenge, audits it, activates the choice and
   * audits that. Duo's approval reaches the push's background follow at once (the fake answers
   * on the approving thread), so that is where the write fails here: the failure is logged, and
   * nothing of the approval is stored.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void anApprovalThatCannotBeStoredLeavesTheChallengePendingAndTheChoiceUnverified(int failingWrite) {
    InMemoryGatehouse env = aDuoWorkspace();
    ChallengeView challenge = GatehouseFixtures.verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));
    List<AuditEvent> before = audit(env);
    env.store.failOnWrite(failingWrite);

    env.duo.approve(env.duo.lastTransaction());

    assertThat(env.ports.challenges().find(challenge.id()).orElseThrow().state()).isEqualTo(ChallengeState.PENDING);
    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER).orElseThrow().active()).isEmpty();
    assertThat(audit(env)).isEqualTo(before);
  }

  /** A read whose write of the approval fails reports the storage problem and stores nothing. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void anApprovalThatCannotBeStoredLeavesNothingHalfDoneAndIsStoredOnRetry(int failingWrite) {
    InMemoryGatehouse env = aDuoWorkspace();
    ChallengeView challenge = GatehouseFixtures.verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));
    env.store.failOnWrite(failingWrite);
    env.duo.approve(env.duo.lastTransaction());

    // The follow's first attempt failed as a whole; it retries until storage takes it.
    ChallengeView view = read(env, MEMBER, challenge.id(), GatehouseFixtures.WAIT);

    assertThat(view.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER).orElseThrow().active())
        .contains(select(PHONE, DuoMethod.PUSH));
    assertThat(audit(env, AuditEventType.CHALLENGE_APPROVED)).hasSize(1);
  }

  @Test
  void anApprovalThatCouldNotBeStoredIsAppliedOnTheNextRead() {
    InMemoryGatehouse env = aDuoWorkspace();
    ChallengeView challenge = GatehouseFixtures.verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));
    env.store.failOnWrite(3);
    env.duo.approve(env.duo.lastTransaction());
    assertThat(env.ports.challenges().find(challenge.id()).orElseThrow().state()).isEqualTo(ChallengeState.PENDING);

    ChallengeView view = read(env, MEMBER, challenge.id(), GatehouseFixtures.WAIT);

    assertThat(view.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER).orElseThrow().active())
        .contains(select(PHONE, DuoMethod.PUSH));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void configuringSavesNoSettingsWhenAWriteFails(int failingWrite) {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.store.failOnWrite(failingWrite);

    assertThatThrownBy(() -> GatehouseFixtures.configure(env, Failmode.SECURE, MfaOptions.DEFAULTS))
        .isInstanceOf(StorageProblemException.class);

    assertThat(env.ports.policies().find(workspaceId(env))).isEqualTo(MfaPolicy.NONE);
    assertThat(audit(env, AuditEventType.MFA_CONFIGURED)).isEmpty();
  }

  @Test
  void addingAMemberChangesNothingWhenItsAuditCannotBeWritten() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    env.store.failOnWrite(2);

    assertThatThrownBy(() -> env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, OUTSIDER)))
        .isInstanceOf(StorageProblemException.class);

    assertThat(env.ports.workspaces().roleOf(env.ports.workspaces().find(WORKSPACE).orElseThrow().id(), OUTSIDER)).isEmpty();
  }

  /**
   * Duo accepted the push but its transaction id could not be stored: the challenge can never
   * learn the answer, so after a grace period it fails and frees the one-open-push slot.
   */
  @Test
  void aPushWhoseTransactionCouldNotBeStoredFailsAndFreesTheSlot() {
    InMemoryGatehouse env = aDuoWorkspaceWithLongChallenges();
    env.store.failOnWrite(5);
    assertThatThrownBy(() -> choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)))
        .isInstanceOf(StorageProblemException.class);
    Challenge stranded = env.ports.challenges().findOpenDeviceRequest(workspaceId(env), MEMBER).orElseThrow();
    env.clock.advance(Challenge.STRANDED_AFTER);

    ChallengeView retry = GatehouseFixtures.verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(retry.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(env.ports.challenges().find(stranded.id()).orElseThrow().state()).isEqualTo(ChallengeState.FAILED);
    assertThat(env.duo.count(FakeSecondFactorGateway.Operation.START_AUTH)).isEqualTo(2);
  }

  /**
   * A push start may legitimately take this long (timeouts plus Duo's 429 back-off): it is not
   * mistaken for a stranded one, and a second request returns it instead of sending another push.
   */
  @Test
  void aPushStillStartingIsNotStrandedWithinTheGracePeriod() {
    InMemoryGatehouse env = aDuoWorkspaceWithLongChallenges();
    env.store.failOnWrite(5);
    assertThatThrownBy(() -> choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)))
        .isInstanceOf(StorageProblemException.class);
    Challenge starting = env.ports.challenges().findOpenDeviceRequest(workspaceId(env), MEMBER).orElseThrow();
    env.clock.advance(Duration.ofSeconds(90));

    ChallengeView retry = GatehouseFixtures.verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(retry.id()).isEqualTo(starting.id());
    assertThat(retry.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(env.duo.count(FakeSecondFactorGateway.Operation.START_AUTH)).isEqualTo(1);
  }

  /** With the default 90-second lifetime an interrupted start simply expires before it could strand. */
  @Test
  void anInterruptedStartWithTheDefaultLifetimeExpiresAndFreesTheSlot() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.store.failOnWrite(5);
    assertThatThrownBy(() -> choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)))
        .isInstanceOf(StorageProblemException.class);
    Challenge interrupted = env.ports.challenges().findOpenDeviceRequest(workspaceId(env), MEMBER).orElseThrow();
    env.clock.advance(MfaOptions.DEFAULTS.challengeLifetime());

    ChallengeView retry = GatehouseFixtures.verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(retry.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(env.ports.challenges().find(interrupted.id()).orElseThrow().state()).isEqualTo(ChallengeState.EXPIRED);
  }

  /** A Duo workspace whose challenges live five minutes, longer than {@link Challenge#STRANDED_AFTER}. */
  private static InMemoryGatehouse aDuoWorkspaceWithLongChallenges() {
    InMemoryGatehouse env = aDuoWorkspace();
    GatehouseFixtures.configure(env, Failmode.SECURE, new MfaOptions(MfaOptions.DEFAULTS.sessionLifetime(),
        Duration.ofMinutes(5), MfaOptions.DEFAULTS.pushCooldown(), MfaOptions.DEFAULTS.rememberFor()));
    return env;
  }
}
