package dev.gatehouse.application.service;

import dev.gatehouse.application.service.challenge.ChallengeLifecycle;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.NO_WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActiveDevice;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static dev.gatehouse.application.service.GatehouseFixtures.verifying;
import static dev.gatehouse.application.service.GatehouseFixtures.workspaceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A push or call nobody reads (say, started with a stolen API token) is still followed by the
 * node that started it: whatever the member answers in Duo is recorded (suspension, cooldown,
 * audit), and an approval never issues a session until the owner reads the challenge.
 */
class UnreadPushTest {
  private static final Duration SETTLES = Duration.ofSeconds(5);

  @Test
  void fraudReportedOnAnUnreadPushSuspendsTheMember() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();

    env.duo.reportFraud(env.duo.lastTransaction());

    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.DENIED);
    assertThat(env.ports.challenges().find(id).orElseThrow().denialReason()).contains(DenialReason.FRAUD);
    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.SUSPENDED);
    assertThat(audit(env, AuditEventType.SUSPENDED)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("fraud"));
    assertThat(audit(env, AuditEventType.CHALLENGE_DENIED)).singleElement()
        .satisfies(e -> assertThat(e.duoTransaction()).isPresent());
  }

  @Test
  void aDeniedUnreadPushStartsTheCooldown() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();

    env.duo.deny(env.duo.lastTransaction());

    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.DENIED);
    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.COOLDOWN);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(2); // the device's verification and this push
  }

  @Test
  void aDeniedUnreadCallStartsTheCooldown() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PHONE);
    ChallengeId id = pending(open(env, MEMBER)).id();

    env.duo.deny(env.duo.lastTransaction());

    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.DENIED);
    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.COOLDOWN);
  }

  @Test
  void anApprovedUnreadPushIssuesItsSessionOnlyOnTheOwnersRead() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();

    env.duo.approve(env.duo.lastTransaction());

    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.APPROVED);
    assertThat(audit(env, AuditEventType.CHALLENGE_APPROVED)).hasSize(2); // the device's verification too
    assertThat(audit(env, AuditEventType.ACCESS_GRANTED)).isEmpty();
    assertThat(env.ports.sessions().findLatestDuoApproved(workspaceId(env), MEMBER)).isEmpty();

    ChallengeView first = read(env, MEMBER, id, NO_WAIT);
    assertThat(first.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(first.sessionReady()).isTrue();
    assertThat(audit(env, AuditEventType.ACCESS_GRANTED)).as("reading never opens the session").isEmpty();
    GatehouseFixtures.claim(env, MEMBER, first);
    ChallengeView second = read(env, MEMBER, id, NO_WAIT);
    assertThat(second.sessionReady()).isFalse();
    assertThat(audit(env, AuditEventType.ACCESS_GRANTED)).hasSize(1);
  }

  @Test
  void anApprovedUnreadDeviceVerificationActivatesTheDevice() {
    InMemoryGatehouse env = GatehouseFixtures.aDuoWorkspace();
    ChallengeId id = verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH))).id();

    env.duo.approve(env.duo.lastTransaction());

    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.APPROVED);
    assertThat(audit(env, AuditEventType.DEVICE_ACTIVATED)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("activated"));
    assertThat(pending(open(env, MEMBER)).selection()).isEqualTo(select(PHONE, DuoMethod.PUSH));
  }

  @Test
  void theBackgroundFollowStopsOnceTheChallengeIsFinal() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();
    long pollsBefore = env.duo.count(Operation.AWAIT_STATUS);

    env.duo.deny(env.duo.lastTransaction());
    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.DENIED);

    assertThat(env.duo.count(Operation.AWAIT_STATUS)).isEqualTo(pollsBefore);
  }

  @Test
  void aGatewayThatAlwaysAnswersWaitingCannotMakeTheBackgroundFollowSpin() {
    InMemoryGatehouse env = aMemberWithActivePush();
    long pollsBefore = env.duo.count(Operation.AWAIT_STATUS);
    env.duo.resolvePushesWith(new AuthStatus.Waiting(StatusMessage.of("Pushed a login request to your device...")));

    ChallengeId id = pending(open(env, MEMBER)).id();

    await().atMost(SETTLES).until(() -> env.duo.count(Operation.AWAIT_STATUS) - pollsBefore
        == ChallengeLifecycle.MAX_POLLS_PER_FOLLOW);
    assertThat(stored(env, id)).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void aTransientDuoFailureWhileFollowingIsRetriedAndNeverEndsAPushDuoStillHolds() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.AWAIT_STATUS, FakeSecondFactorGateway.unavailable(Kind.TIMEOUT));
    long pollsBefore = env.duo.count(Operation.AWAIT_STATUS);

    ChallengeId id = pending(open(env, MEMBER)).id();
    await().atMost(SETTLES).until(() -> env.duo.count(Operation.AWAIT_STATUS) - pollsBefore >= 2);
    assertThat(stored(env, id)).isEqualTo(ChallengeState.PENDING);

    env.duo.approve(env.duo.lastTransaction());
    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.APPROVED);
    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).isEmpty();
  }

  @Test
  void aDuoRejectionWhileFollowingInTheBackgroundFailsTheChallengeAndNeverGrants() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.AWAIT_STATUS, FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.CREDENTIALS_REJECTED));

    ChallengeId id = pending(open(env, MEMBER)).id();

    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.FAILED);
    ChallengeView read = read(env, MEMBER, id, NO_WAIT);
    assertThat(read.state()).isEqualTo(ChallengeState.FAILED);
    assertThat(read.sessionReady()).isFalse();
    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).isEmpty();
  }

  @Test
  void anUnexpectedFailureOfTheBackgroundFollowLeavesTheChallengeToTheNextRead() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.failNext(Operation.AWAIT_STATUS, new IllegalStateException("simulated bug in the gateway"));

    ChallengeId id = pending(open(env, MEMBER)).id();

    assertThat(stored(env, id)).isEqualTo(ChallengeState.PENDING);
    env.duo.deny(env.duo.lastTransaction());
    ChallengeView read = read(env, MEMBER, id, GatehouseFixtures.WAIT);
    assertThat(read.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.COOLDOWN);
  }

  @Test
  void aFraudReportSeenByTheStartingNodeAndAReaderOnAnotherNodeIsAppliedOnce() throws Exception {
    InMemoryGatehouse env = aMemberWithActivePush();
    Gatehouse otherNode = Gatehouse.assemble(InMemoryGatehouse.ports(env.store, env.duo, env.clock));
    ChallengeId id = pending(open(env, MEMBER)).id();
    CompletableFuture<ChallengeView> reading = otherNode.getChallenge()
        .get(new GetChallengeQuery(MEMBER, id, GatehouseFixtures.WAIT)).toCompletableFuture();

    env.duo.reportFraud(env.duo.lastTransaction());

    assertThat(reading.get(5, TimeUnit.SECONDS).state()).isEqualTo(ChallengeState.DENIED);
    await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.DENIED);
    assertThat(audit(env, AuditEventType.CHALLENGE_DENIED)).hasSize(1);
    assertThat(audit(env, AuditEventType.SUSPENDED)).hasSize(1);
  }

  private static ChallengeState stored(InMemoryGatehouse env, ChallengeId id) {
    return env.ports.challenges().find(id).orElseThrow().state();
  }
}
