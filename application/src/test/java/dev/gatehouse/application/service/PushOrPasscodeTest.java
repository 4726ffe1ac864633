package dev.gatehouse.application.service;

import dev.gatehouse.application.service.challenge.ChallengeLifecycle;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.RIGHT_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.WRONG_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActiveDevice;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.submit;
import static dev.gatehouse.application.service.GatehouseFixtures.workspaceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Push or passcode, whichever comes first; and the code of a Verified Duo Push. */
class PushOrPasscodeTest {
  private static final StatusMessage ENTER_CODE =
      StatusMessage.of("Please enter verification code 708 into Duo Mobile...");

  @Test
  void aPasscodeTypedWhileThePushWaitsApprovesAndOpensTheSession() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView push = pending(open(env, MEMBER));

    ChallengeView approved = submit(env, MEMBER, push.id(), RIGHT_PASSCODE);

    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(approved.settledBy()).contains(DuoMethod.PASSCODE);
    assertThat(approved.sessionReady()).isTrue();
  }

  @Test
  void theAuditNamesThePasscodeThatSettledThePush() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView push = pending(open(env, MEMBER));

    submit(env, MEMBER, push.id(), RIGHT_PASSCODE);

    // Newest first: the unlock, then the device verification of the fixture.
    assertThat(audit(env, AuditEventType.CHALLENGE_APPROVED).get(0)).satisfies(e -> {
      assertThat(e.method()).contains(DuoMethod.PASSCODE);
      assertThat(e.detail()).contains("push was superseded");
    });
  }

  @Test
  void thePushAnsweredAfterThePasscodeWonChangesNothing() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView push = pending(open(env, MEMBER));
    DuoTransactionId txid = env.duo.lastTransaction();
    submit(env, MEMBER, push.id(), RIGHT_PASSCODE);

    env.duo.deny(txid);
    ChallengeView after = read(env, MEMBER, push.id(), WAIT);

    assertThat(after.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(audit(env, AuditEventType.CHALLENGE_DENIED)).isEmpty();
    assertThat(env.ports.guards().find(workspaceId(env), MEMBER)
        .flatMap(g -> g.restrictionAt(env.clock.instant(), DuoMethod.PUSH))).isEmpty();
  }

  @Test
  void aPushApprovedFirstWinsAndALatePasscodeIsRefused() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView push = pending(open(env, MEMBER));

    ChallengeView approved = approveAndRead(env, MEMBER, push.id());

    assertThat(approved.settledBy()).contains(DuoMethod.PUSH);
    assertThat(audit(env, AuditEventType.CHALLENGE_APPROVED).get(0).method()).contains(DuoMethod.PUSH);
    assertThatThrownBy(() -> submit(env, MEMBER, push.id(), RIGHT_PASSCODE))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aWrongPasscodeLeavesThePushWaitingAndItsApprovalStillCounts() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView push = pending(open(env, MEMBER));

    ChallengeView wrong = submit(env, MEMBER, push.id(), WRONG_PASSCODE);

    assertThat(wrong.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(wrong.remainingPasscodeAttempts()).isEqualTo(Challenge.MAX_WRONG_PASSCODES - 1);
    ChallengeView approved = approveAndRead(env, MEMBER, push.id());
    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(approved.settledBy()).contains(DuoMethod.PUSH);
    assertThat(approved.sessionReady()).isTrue();
  }

  @Test
  void passcodeLimitsStillApplyWhileThePushWaits() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView push = pending(open(env, MEMBER));

    ChallengeView last = push;
    for (int i = 0; i < Challenge.MAX_WRONG_PASSCODES; i++) {
      last = submit(env, MEMBER, push.id(), WRONG_PASSCODE);
    }

    assertThat(last.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(last.denialReason()).contains(DenialReason.TOO_MANY_PASSCODES);
    assertThat(audit(env, AuditEventType.CHALLENGE_DENIED).get(0).method()).contains(DuoMethod.PASSCODE);
  }

  @Test
  void aPasscodeMaySettleAWaitingPhoneCallToo() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PHONE);
    ChallengeView call = pending(open(env, MEMBER));

    ChallengeView approved = submit(env, MEMBER, call.id(), RIGHT_PASSCODE);

    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(approved.settledBy()).contains(DuoMethod.PASSCODE);
  }

  @Test
  void aVerifiedPushContinuesTheTransactionPreauthOpened() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.requiresVerifiedPush(MEMBER.value(), PHONE);

    pending(open(env, MEMBER));

    assertThat(env.duo.lastPushContext().verifiedPush()).isPresent();
  }

  @Test
  void thePushShowsTheVerificationCodeWhileItWaits() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.requiresVerifiedPush(MEMBER.value(), PHONE)
        .whileWaitingReport(new AuthStatus.Waiting(ENTER_CODE, Optional.of(new VerificationCode("708"))));
    ChallengeView push = pending(open(env, MEMBER));

    ChallengeView waiting = read(env, MEMBER, push.id(), Duration.ofMillis(5));

    assertThat(waiting.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(waiting.verificationCode()).contains(new VerificationCode("708"));
    assertThat(waiting.message()).isEqualTo(ENTER_CODE);
  }

  @Test
  void theUnlockAnswerAlreadyShowsTheCode() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.requiresVerifiedPush(MEMBER.value(), PHONE)
        .whileWaitingReport(new AuthStatus.Waiting(ENTER_CODE, Optional.of(new VerificationCode("708"))));

    ChallengeView push = pending(open(env, MEMBER));

    assertThat(push.verificationCode()).contains(new VerificationCode("708"));
  }

  @Test
  void aPlainPushStartsWithoutWaitingForACode() {
    InMemoryGatehouse env = aMemberWithActivePush();
    long started = System.nanoTime();

    ChallengeView push = pending(open(env, MEMBER));

    assertThat(push.verificationCode()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ChallengeLifecycle.VERIFICATION_CODE_WAIT);
  }

  @Test
  void theVerificationCodeNeverReachesTheAuditTrail() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.requiresVerifiedPush(MEMBER.value(), PHONE)
        .whileWaitingReport(new AuthStatus.Waiting(ENTER_CODE, Optional.of(new VerificationCode("708"))));
    ChallengeView push = pending(open(env, MEMBER));
    read(env, MEMBER, push.id(), Duration.ofMillis(5));

    ChallengeView approved = approveAndRead(env, MEMBER, push.id());

    assertThat(approved.verificationCode()).isEmpty();
    assertThat(audit(env)).isNotEmpty().allSatisfy((AuditEvent e) -> assertThat(e.toString()).doesNotContain("708"));
  }

  @Test
  void aCodeReportedForAPhoneCallIsIgnored() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PHONE);
    env.duo.whileWaitingReport(new AuthStatus.Waiting(StatusMessage.of("Calling your phone..."),
        Optional.of(new VerificationCode("708"))));
    ChallengeView call = pending(open(env, MEMBER));

    ChallengeView waiting = read(env, MEMBER, call.id(), Duration.ofMillis(5));

    assertThat(waiting.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(waiting.verificationCode()).isEmpty();
  }
}
