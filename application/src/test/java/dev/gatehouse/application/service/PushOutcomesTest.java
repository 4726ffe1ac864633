package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.freshApproval;
import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.NO_WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.cancel;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What each Duo outcome of a push does: approve, deny, fraud, timeout; expiry, cancel, one push at a time. */
class PushOutcomesTest {
  private static final Duration COOLDOWN = MfaOptions.DEFAULTS.pushCooldown();
  private static final Duration LIFETIME = MfaOptions.DEFAULTS.challengeLifetime();

  @Test
  void approveGrantsASession() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView approved = approveAndRead(env, MEMBER, challenge.id());

    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(approved.message().value()).isEqualTo("Success. Logging you in...");
    assertThat(approved.sessionReady()).isTrue();
  }

  @Test
  void approvalIsAuditedWithDuosTransaction() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    DuoTransactionId txid = env.duo.lastTransaction();

    approveAndRead(env, MEMBER, challenge.id());

    assertThat(audit(env, AuditEventType.CHALLENGE_APPROVED).get(0)).satisfies(e -> {
      assertThat(e.duoTransaction()).contains(txid);
      assertThat(e.method()).contains(DuoMethod.PUSH);
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.outcome()).isEqualTo("approved");
    });
  }

  @Test
  void aPushStillWaitingStaysPendingWithoutWordsOfTheCore() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView view = read(env, MEMBER, challenge.id(), Duration.ofMillis(5));

    assertThat(view.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(view.message()).as("until Duo says something, the faces word a waiting push")
        .isEqualTo(StatusMessage.NONE);
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void denyDeniesTheChallengeWithDuosMessage() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView view = resolve(env, challenge, Outcome.DENY);

    assertThat(view.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(view.denialReason()).contains(DenialReason.DENIED);
    assertThat(view.message().value()).isEqualTo("Login request denied.");
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void aDenyRefusesTheNextPushDuringTheCooldown() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.DENY);
    Instant deniedAt = env.clock.instant();
    env.clock.advance(COOLDOWN.minusSeconds(1));

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.COOLDOWN);
    assertThat(denial.retryAfter()).contains(deniedAt.plus(COOLDOWN));
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(2);
  }

  @Test
  void aPushIsSentAgainOnceTheClockPassesTheCooldown() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.DENY);
    env.clock.advance(COOLDOWN);

    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.PENDING);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(3);
  }

  @Test
  void theCooldownDoesNotApplyToAnotherMember() {
    InMemoryGatehouse env = aMemberWithActivePush();
    GatehouseFixtures.activate(env, OTHER_MEMBER, select(PHONE, DuoMethod.PUSH));
    resolve(env, pending(open(env, MEMBER)), Outcome.DENY);

    assertThat(pending(open(env, OTHER_MEMBER)).state()).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void fraudDeniesTheChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();

    ChallengeView view = resolve(env, pending(open(env, MEMBER)), Outcome.FRAUD);

    assertThat(view.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(view.denialReason()).contains(DenialReason.FRAUD);
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void fraudSuspendsTheMembersAccessToTheWorkspace() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.FRAUD);
    env.clock.advance(Duration.ofDays(3));

    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.SUSPENDED);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(2);
  }

  @Test
  void fraudIsAuditedAsASuspension() {
    InMemoryGatehouse env = aMemberWithActivePush();

    resolve(env, pending(open(env, MEMBER)), Outcome.FRAUD);

    assertThat(audit(env, AuditEventType.SUSPENDED)).singleElement().satisfies(e -> {
      assertThat(e.subject()).contains(MEMBER);
      assertThat(e.workspace()).contains(WORKSPACE);
      assertThat(e.outcome()).isEqualTo("fraud");
    });
  }

  @Test
  void aSuspendedMemberCannotVerifyANewDeviceEither() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.FRAUD);

    assertThat(denied(choose(env, MEMBER, select(PHONE, DuoMethod.SMS))).code()).isEqualTo(DenialCode.SUSPENDED);
  }

  @Test
  void anAdministratorClearingTheSuspensionLetsTheMemberOpenAgain() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.FRAUD);
    freshApproval(env, ADMIN);

    env.gatehouse.clearSuspension().clear(new ClearSuspensionCommand(ADMIN, WORKSPACE, MEMBER));

    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void clearingASuspensionIsAudited() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.FRAUD);
    freshApproval(env, ADMIN);

    env.gatehouse.clearSuspension().clear(new ClearSuspensionCommand(ADMIN, WORKSPACE, MEMBER));

    assertThat(audit(env, AuditEventType.SUSPENSION_CLEARED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(ADMIN);
      assertThat(e.subject()).contains(MEMBER);
      assertThat(e.workspace()).contains(WORKSPACE);
    });
  }

  @Test
  void aMemberCannotClearTheirOwnSuspension() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.FRAUD);

    assertThatThrownBy(() -> env.gatehouse.clearSuspension()
        .clear(new ClearSuspensionCommand(MEMBER, WORKSPACE, MEMBER)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.SUSPENDED);
  }

  @Test
  void clearingAMemberWhoIsNotSuspendedIsAConflict() {
    InMemoryGatehouse env = aMemberWithActivePush();
    freshApproval(env, ADMIN);

    assertThatThrownBy(() -> env.gatehouse.clearSuspension()
        .clear(new ClearSuspensionCommand(ADMIN, WORKSPACE, MEMBER)))
        .isInstanceOf(ConflictException.class);
    assertThat(audit(env, AuditEventType.SUSPENSION_CLEARED)).isEmpty();
  }

  @Test
  void timeoutDeniesTheChallengeWithDuosMessage() {
    InMemoryGatehouse env = aMemberWithActivePush();

    ChallengeView view = resolve(env, pending(open(env, MEMBER)), Outcome.TIMEOUT);

    assertThat(view.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(view.denialReason()).contains(DenialReason.TIMEOUT);
    assertThat(view.message().value()).isEqualTo("Login timed out.");
  }

  @Test
  void aTimeoutStartsNoCooldown() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.TIMEOUT);

    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void everyDuoOutcomeIsAudited() {
    InMemoryGatehouse env = aMemberWithActivePush();
    resolve(env, pending(open(env, MEMBER)), Outcome.TIMEOUT);
    resolve(env, pending(open(env, MEMBER)), Outcome.DENY);

    assertThat(audit(env, AuditEventType.CHALLENGE_DENIED))
        .extracting(e -> e.outcome())
        .containsExactly("denied", "timeout");
  }

  @Test
  void aChallengeNobodyAnswersExpiresByTheClock() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    env.clock.advance(LIFETIME);

    ChallengeView view = read(env, MEMBER, challenge.id(), NO_WAIT);

    assertThat(view.state()).isEqualTo(ChallengeState.EXPIRED);
    assertThat(view.sessionReady()).isFalse();
    assertThat(audit(env, AuditEventType.CHALLENGE_EXPIRED)).hasSize(1);
  }

  @Test
  void aChallengeIsStillOpenJustBeforeItsExpiry() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    env.clock.advance(LIFETIME.minusSeconds(1));

    assertThat(read(env, MEMBER, challenge.id(), NO_WAIT).state()).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void aLateApprovalOfAnExpiredChallengeGrantsNothing() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    env.clock.advance(LIFETIME);
    read(env, MEMBER, challenge.id(), NO_WAIT);

    ChallengeView view = approveAndRead(env, MEMBER, challenge.id());

    assertThat(view.state()).isEqualTo(ChallengeState.EXPIRED);
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void anExpiredPushMakesWayForANewOne() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView first = pending(open(env, MEMBER));
    env.clock.advance(LIFETIME);

    ChallengeView second = pending(open(env, MEMBER));

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(read(env, MEMBER, first.id(), NO_WAIT).state()).isEqualTo(ChallengeState.EXPIRED);
  }

  @Test
  void cancelDeniesTheChallengeAsCancelled() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView cancelled = cancel(env, MEMBER, challenge.id());

    assertThat(cancelled.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(cancelled.denialReason()).contains(DenialReason.CANCELLED);
  }

  @Test
  void aCancelledChallengeIgnoresALateApproval() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    cancel(env, MEMBER, challenge.id());

    ChallengeView view = approveAndRead(env, MEMBER, challenge.id());

    assertThat(view.denialReason()).contains(DenialReason.CANCELLED);
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void cancellingAFinishedChallengeIsAConflict() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    cancel(env, MEMBER, challenge.id());

    assertThatThrownBy(() -> cancel(env, MEMBER, challenge.id())).isInstanceOf(ConflictException.class);
  }

  @Test
  void cancellingMakesWayForANewPushOnceTheCooldownPasses() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView first = pending(open(env, MEMBER));
    cancel(env, MEMBER, first.id());
    env.clock.advance(COOLDOWN);

    ChallengeView second = pending(open(env, MEMBER));

    assertThat(second.id()).isNotEqualTo(first.id());
  }

  @Test
  void cancellingAPushStartsTheCooldown() {
    InMemoryGatehouse env = aMemberWithActivePush();
    cancel(env, MEMBER, pending(open(env, MEMBER)).id());
    Instant cancelledAt = env.clock.instant();
    env.clock.advance(COOLDOWN.minusSeconds(1));

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.COOLDOWN);
    assertThat(denial.retryAfter()).contains(cancelledAt.plus(COOLDOWN));
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(2);
  }

  @Test
  void unlockCancelLoopsCannotSendMorePushesThanTheCooldownAllows() {
    InMemoryGatehouse env = aMemberWithActivePush();
    long before = env.duo.count(Operation.START_AUTH);

    for (int i = 0; i < 20; i++) {
      UnlockResult result = open(env, MEMBER);
      if (result instanceof UnlockResult.Pending pending) {
        cancel(env, MEMBER, pending.challenge().id());
      }
      env.clock.advance(Duration.ofSeconds(1));
    }

    // 20 seconds of trying, with a 30-second cooldown after each cancellation: one push.
    assertThat(env.duo.count(Operation.START_AUTH) - before).isEqualTo(1);
  }

  @Test
  void aCancelledPushIsStillAuditedAsCancelled() {
    InMemoryGatehouse env = aMemberWithActivePush();

    cancel(env, MEMBER, pending(open(env, MEMBER)).id());

    assertThat(audit(env, AuditEventType.CHALLENGE_DENIED)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("cancelled"));
  }

  @Test
  void cancellingAPasscodeChallengeStartsNoCooldown() {
    InMemoryGatehouse env = GatehouseFixtures.aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    cancel(env, MEMBER, pending(open(env, MEMBER)).id());

    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
  }

  @Test
  void aSecondOpenReturnsTheSamePendingChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView first = pending(open(env, MEMBER));

    ChallengeView second = pending(open(env, MEMBER));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(2);
  }

  @Test
  void aDifferentRequestWhileAPushIsOpenIsRefused() {
    InMemoryGatehouse env = aMemberWithActivePush();
    pending(open(env, MEMBER));

    Denial denial = denied(choose(env, MEMBER, select(GatehouseFixtures.PHONE, DuoMethod.PHONE)));

    assertThat(denial.code()).isEqualTo(DenialCode.CHALLENGE_PENDING);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(2);
  }

  private enum Outcome { DENY, FRAUD, TIMEOUT }

  private static ChallengeView resolve(InMemoryGatehouse env, ChallengeView challenge, Outcome outcome) {
    DuoTransactionId txid = env.duo.lastTransaction();
    switch (outcome) {
      case DENY -> env.duo.deny(txid);
      case FRAUD -> env.duo.reportFraud(txid);
      case TIMEOUT -> env.duo.timeOut(txid);
    }
    return read(env, MEMBER, challenge.id(), WAIT);
  }
}
