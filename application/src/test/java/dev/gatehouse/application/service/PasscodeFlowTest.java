package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.RIGHT_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.TOKEN;
import static dev.gatehouse.application.service.GatehouseFixtures.WRONG_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActiveDevice;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static dev.gatehouse.application.service.GatehouseFixtures.submit;
import static dev.gatehouse.application.service.GatehouseFixtures.verifying;
import static dev.gatehouse.application.service.GatehouseFixtures.workspaceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.session.GrantKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** SMS and passcode challenges, and the limits on wrong passcodes. */
class PasscodeFlowTest {

  @Test
  void choosingSmsSendsABatchOfPasscodesAndAwaitsOne() {
    InMemoryGatehouse env = aDuoWorkspace();

    ChallengeView challenge = verifying(choose(env, MEMBER, select(PHONE, DuoMethod.SMS)));

    assertThat(challenge.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(challenge.message().value()).isEqualTo("New SMS passcodes sent.");
    assertThat(env.duo.count(Operation.SEND_SMS)).isEqualTo(1);
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }

  @Test
  void theRightSmsPasscodeActivatesTheChoice() {
    InMemoryGatehouse env = aDuoWorkspace();
    ChallengeView challenge = verifying(choose(env, MEMBER, select(PHONE, DuoMethod.SMS)));

    ChallengeView approved = submit(env, MEMBER, challenge.id(), RIGHT_PASSCODE);

    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER).orElseThrow().active())
        .contains(select(PHONE, DuoMethod.SMS));
  }

  @Test
  void opensWithSmsByAskingForANewBatchThenAcceptingAPasscode() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.SMS);

    ChallengeView challenge = pending(open(env, MEMBER));
    assertThat(challenge.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(env.duo.count(Operation.SEND_SMS)).isEqualTo(2);

    ChallengeView approved = submit(env, MEMBER, challenge.id(), RIGHT_PASSCODE);
    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(GatehouseFixtures.claim(env, MEMBER, approved).kind()).isEqualTo(GrantKind.DUO_APPROVED);
  }

  @Test
  void aPasscodeChallengeAwaitsAPasscodeAtOnceWithoutSendingAnything() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    long smsBefore = env.duo.count(Operation.SEND_SMS);

    ChallengeView challenge = pending(open(env, MEMBER));

    assertThat(challenge.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(challenge.remainingPasscodeAttempts()).isEqualTo(Challenge.MAX_WRONG_PASSCODES);
    assertThat(env.duo.count(Operation.SEND_SMS)).isEqualTo(smsBefore);
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }

  @Test
  void theRightPasscodeOpensTheWorkspaceOnce() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView approved = submit(env, MEMBER, challenge.id(), RIGHT_PASSCODE);

    GatehouseFixtures.claim(env, MEMBER, approved);
    assertThat(GatehouseFixtures.read(env, MEMBER, challenge.id(), Duration.ZERO).sessionReady()).isFalse();
    assertThatThrownBy(() -> GatehouseFixtures.claim(env, MEMBER, approved)).isInstanceOf(ConflictException.class);
  }

  @Test
  void aHardwareTokenCanBeChosenForPasscodes() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.enrolled(MEMBER.value(), PHONE, TOKEN);

    ChallengeView challenge = verifying(choose(env, MEMBER, select(TOKEN, DuoMethod.PASSCODE)));

    assertThat(challenge.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
  }

  @Test
  void aWrongPasscodeKeepsTheChallengeOpenWithOneAttemptFewer() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView after = submit(env, MEMBER, challenge.id(), WRONG_PASSCODE);

    assertThat(after.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(after.remainingPasscodeAttempts()).isEqualTo(Challenge.MAX_WRONG_PASSCODES - 1);
    assertThat(after.message().value()).isEqualTo("Incorrect passcode. Please try again.");
    assertThat(after.sessionReady()).isFalse();
  }

  @Test
  void everyWrongPasscodeIsAudited() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));

    submit(env, MEMBER, challenge.id(), WRONG_PASSCODE);
    submit(env, MEMBER, challenge.id(), WRONG_PASSCODE);

    assertThat(audit(env, AuditEventType.PASSCODE_REJECTED)).hasSize(2)
        .allSatisfy(e -> {
          assertThat(e.actor()).contains(MEMBER);
          assertThat(e.workspace()).contains(GatehouseFixtures.WORKSPACE);
          assertThat(e.method()).contains(DuoMethod.PASSCODE);
        });
  }

  @Test
  void theFifthWrongPasscodeDeniesTheChallenge() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView last = null;
    for (int i = 0; i < Challenge.MAX_WRONG_PASSCODES; i++) {
      last = submit(env, MEMBER, challenge.id(), WRONG_PASSCODE);
    }

    assertThat(last.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(last.denialReason()).contains(DenialReason.TOO_MANY_PASSCODES);
    assertThat(last.remainingPasscodeAttempts()).isZero();
    assertThat(audit(env, AuditEventType.PASSCODE_REJECTED)).hasSize(Challenge.MAX_WRONG_PASSCODES);
  }

  @Test
  void aChallengeDeniedForTooManyPasscodesTakesNoMore() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));
    for (int i = 0; i < Challenge.MAX_WRONG_PASSCODES; i++) {
      submit(env, MEMBER, challenge.id(), WRONG_PASSCODE);
    }
    long verifications = env.duo.count(Operation.VERIFY_PASSCODE);

    assertThatThrownBy(() -> submit(env, MEMBER, challenge.id(), RIGHT_PASSCODE))
        .isInstanceOf(ConflictException.class);
    assertThat(env.duo.count(Operation.VERIFY_PASSCODE)).isEqualTo(verifications);
  }

  @Test
  void theTenthWrongPasscodeInFifteenMinutesLocksTheMemberOut() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);

    ChallengeView last = wrongPasscodes(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);

    assertThat(last.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(last.denialReason()).contains(DenialReason.LOCKED_OUT);
    Denial denial = denied(open(env, MEMBER));
    assertThat(denial.code()).isEqualTo(DenialCode.LOCKED_OUT);
    assertThat(denial.retryAfter()).contains(env.clock.instant().plus(AccessGuard.LOCKOUT));
    assertThat(denial.detail()).as("the faces word a lockout").isEqualTo(StatusMessage.NONE);
  }

  @Test
  void aRefusalIsAuditedByItsCodeAndWhenItEnds() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    wrongPasscodes(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);

    Denial denial = denied(open(env, MEMBER));

    assertThat(audit(env, AuditEventType.ACCESS_DENIED)).extracting(AuditEvent::detail)
        .contains("unlock: locked_out until " + denial.retryAfter().orElseThrow());
  }

  @Test
  void theLockoutIsAudited() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);

    wrongPasscodes(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);

    assertThat(audit(env, AuditEventType.PASSCODE_LOCKOUT)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.workspace()).contains(GatehouseFixtures.WORKSPACE);
      assertThat(e.outcome()).isEqualTo("locked");
    });
    assertThat(audit(env, AuditEventType.PASSCODE_REJECTED)).hasSize(AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);
  }

  @Test
  void theTenthWrongPasscodeLocksEvenWhenItIsAlsoTheFifthOnItsChallenge() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    for (int challenge = 0; challenge < 2; challenge++) {
      ChallengeView open = pending(open(env, MEMBER));
      for (int i = 0; i < Challenge.MAX_WRONG_PASSCODES; i++) {
        submit(env, MEMBER, open.id(), WRONG_PASSCODE);
      }
    }

    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.LOCKED_OUT);
    assertThat(audit(env, AuditEventType.PASSCODE_LOCKOUT)).hasSize(1);
  }

  @Test
  void nineWrongPasscodesDoNotLock() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);

    wrongPasscodes(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW - 1);

    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(audit(env, AuditEventType.PASSCODE_LOCKOUT)).isEmpty();
  }

  @Test
  void wrongPasscodesOlderThanFifteenMinutesNoLongerCount() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    wrongPasscodes(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW - 1);
    env.clock.advance(AccessGuard.PASSCODE_WINDOW.plusSeconds(1));

    ChallengeView after = submit(env, MEMBER, pending(open(env, MEMBER)).id(), WRONG_PASSCODE);

    assertThat(after.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(audit(env, AuditEventType.PASSCODE_LOCKOUT)).isEmpty();
  }

  @Test
  void theLockoutEndsWhenTheClockPassesIt() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    wrongPasscodes(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);
    Instant lockedUntil = denied(open(env, MEMBER)).retryAfter().orElseThrow();

    env.clock.advance(Duration.between(env.clock.instant(), lockedUntil));

    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
  }

  @Test
  void anOpenChallengeRefusesPasscodesDuringALockout() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView stillOpen = pending(open(env, MEMBER));
    wrongPasscodes(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);
    long verifications = env.duo.count(Operation.VERIFY_PASSCODE);

    ChallengeView after = submit(env, MEMBER, stillOpen.id(), RIGHT_PASSCODE);

    assertThat(after.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(after.denialReason()).contains(DenialReason.LOCKED_OUT);
    assertThat(after.sessionReady()).isFalse();
    assertThat(env.duo.count(Operation.VERIFY_PASSCODE)).isEqualTo(verifications);
  }

  @Test
  void aPasscodeCannotBeSubmittedToAPushThatIsOver() {
    InMemoryGatehouse env = GatehouseFixtures.aMemberWithActivePush();
    ChallengeView push = pending(open(env, MEMBER));
    env.duo.deny(env.duo.lastTransaction());

    assertThatThrownBy(() -> submit(env, MEMBER, push.id(), RIGHT_PASSCODE))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void duoFailingWhileVerifyingAPasscodeFailsTheChallengeEvenUnderSafe() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SAFE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));
    env.duo.failNext(Operation.VERIFY_PASSCODE, FakeSecondFactorGateway.unavailable(Kind.TIMEOUT));

    ChallengeView after = submit(env, MEMBER, challenge.id(), RIGHT_PASSCODE);

    assertThat(after.state()).isEqualTo(ChallengeState.FAILED);
    assertThat(after.sessionReady()).isFalse();
    assertThat(audit(env, AuditEventType.FAILSAFE_GRANTED)).isEmpty();
  }

  // --- concurrent passcodes: counted before Duo is asked ----------------------------------------

  @Test
  void twentyConcurrentWrongPasscodesReachDuoAtMostFiveTimes() throws Exception {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));
    long before = env.duo.count(Operation.VERIFY_PASSCODE);

    List<Object> outcomes = concurrently(env, 20, i -> challenge.id(), before);

    assertThat(env.duo.count(Operation.VERIFY_PASSCODE) - before).isEqualTo(Challenge.MAX_WRONG_PASSCODES);
    assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(20 - Challenge.MAX_WRONG_PASSCODES);
    ChallengeView after = GatehouseFixtures.read(env, MEMBER, challenge.id(), Duration.ZERO);
    assertThat(after.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(after.denialReason()).contains(DenialReason.TOO_MANY_PASSCODES);
  }

  @Test
  void tenConcurrentGuessesLockTheMemberOut() throws Exception {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView first = pending(open(env, MEMBER));
    ChallengeView second = pending(open(env, MEMBER));
    long before = env.duo.count(Operation.VERIFY_PASSCODE);

    concurrently(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW, i -> (i % 2 == 0 ? first : second).id(), before);

    assertThat(env.duo.count(Operation.VERIFY_PASSCODE) - before).isEqualTo(AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);
    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.LOCKED_OUT);
    assertThat(audit(env, AuditEventType.PASSCODE_LOCKOUT)).hasSize(1);
  }

  @Test
  void aGuessBeyondTheLimitWhileTenAreBeingVerifiedNeverReachesDuo() throws Exception {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView first = pending(open(env, MEMBER));
    ChallengeView second = pending(open(env, MEMBER));
    ChallengeView third = pending(open(env, MEMBER));
    long before = env.duo.count(Operation.VERIFY_PASSCODE);
    CountDownLatch duoAnswers = new CountDownLatch(1);
    env.duo.holdPasscodeVerificationsUntil(duoAnswers);
    ExecutorService pool = Executors.newFixedThreadPool(AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);
    try {
      List<Future<Object>> inFlight = new ArrayList<>();
      for (int i = 0; i < AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW; i++) {
        ChallengeView target = i % 2 == 0 ? first : second;
        inFlight.add(pool.submit(() -> outcome(env, target.id(), WRONG_PASSCODE)));
      }
      awaitCalls(env, before + AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);

      ChallengeView eleventh = submit(env, MEMBER, third.id(), RIGHT_PASSCODE);

      assertThat(eleventh.state()).isEqualTo(ChallengeState.DENIED);
      assertThat(eleventh.denialReason()).contains(DenialReason.LOCKED_OUT);
      assertThat(eleventh.sessionReady()).isFalse();
      assertThat(env.duo.count(Operation.VERIFY_PASSCODE) - before).isEqualTo(AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);
      duoAnswers.countDown();
      for (Future<Object> f : inFlight) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      duoAnswers.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aRightPasscodeDoesNotCountTowardsTheLockout() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    wrongPasscodes(env, AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW - 1);

    ChallengeView approved = submit(env, MEMBER, pending(open(env, MEMBER)).id(), RIGHT_PASSCODE);

    assertThat(approved.sessionReady()).isTrue();
    assertThat(env.ports.guards().find(workspaceId(env), MEMBER).orElseThrow().wrongPasscodes())
        .hasSize(AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW - 1);
    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
  }

  @Test
  void aPasscodeWhoseVerificationFailsStaysCounted() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    env.duo.failNext(Operation.VERIFY_PASSCODE, FakeSecondFactorGateway.unavailable(Kind.TIMEOUT));

    submit(env, MEMBER, pending(open(env, MEMBER)).id(), RIGHT_PASSCODE);

    assertThat(env.ports.guards().find(workspaceId(env), MEMBER).orElseThrow().wrongPasscodes()).hasSize(1);
  }

  // --- SMS: one batch at a time, and the cooldown ----------------------------------------------

  @Test
  void aSecondOpenWhileAnSmsChallengeIsOpenReturnsItWithoutSendingAgain() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.SMS);
    ChallengeView first = pending(open(env, MEMBER));
    long sent = env.duo.count(Operation.SEND_SMS);

    ChallengeView second = pending(open(env, MEMBER));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(env.duo.count(Operation.SEND_SMS)).isEqualTo(sent);
  }

  @Test
  void concurrentOpensWithSmsSendOneBatch() throws Exception {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.SMS);
    long sent = env.duo.count(Operation.SEND_SMS);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<UnlockResult>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return open(env, MEMBER);
        }));
      }
      start.countDown();
      Set<Object> challenges = new HashSet<>();
      for (Future<UnlockResult> result : results) {
        challenges.add(pending(result.get(10, TimeUnit.SECONDS)).id());
      }

      assertThat(challenges).hasSize(1);
      assertThat(env.duo.count(Operation.SEND_SMS) - sent).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cancellingAnSmsChallengeStartsTheCooldownBeforeTheNextBatch() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.SMS);
    GatehouseFixtures.cancel(env, MEMBER, pending(open(env, MEMBER)).id());
    long sent = env.duo.count(Operation.SEND_SMS);

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.COOLDOWN);
    assertThat(env.duo.count(Operation.SEND_SMS)).isEqualTo(sent);
    env.clock.advance(MfaOptions.DEFAULTS.pushCooldown());
    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(env.duo.count(Operation.SEND_SMS)).isEqualTo(sent + 1);
  }

  @Test
  void anSmsBatchThatCannotBeSentFailsItsChallengeAndFreesTheSlot() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.SMS);
    env.duo.failNext(Operation.SEND_SMS, FakeSecondFactorGateway.unavailable(Kind.TIMEOUT));

    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.DUO_UNAVAILABLE);

    assertThat(env.ports.challenges().findOpenDeviceRequest(workspaceId(env), MEMBER)).isEmpty();
    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
  }

  /**
   * Submits a wrong passcode from each of {@code count} threads at once, to the challenge that
   * {@code target} names for the thread's index, while Duo holds every answer until all of them
   * were either refused or are being verified; returns each view or exception.
   */
  private static List<Object> concurrently(InMemoryGatehouse env, int count, IntFunction<ChallengeId> target,
      long callsBefore) throws Exception {
    CountDownLatch duoAnswers = new CountDownLatch(1);
    env.duo.holdPasscodeVerificationsUntil(duoAnswers);
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ChallengeId id = target.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          return outcome(env, id, WRONG_PASSCODE);
        }));
      }
      start.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (futures.stream().filter(Future::isDone).count()
          + (env.duo.count(Operation.VERIFY_PASSCODE) - callsBefore) < count && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      duoAnswers.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(10, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      duoAnswers.countDown();
      env.duo.holdPasscodeVerificationsUntil(null);
      pool.shutdownNow();
    }
  }

  private static Object outcome(InMemoryGatehouse env, ChallengeId id, String passcode) {
    try {
      return submit(env, MEMBER, id, passcode);
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static void awaitCalls(InMemoryGatehouse env, long calls) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (env.duo.count(Operation.VERIFY_PASSCODE) < calls && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(env.duo.count(Operation.VERIFY_PASSCODE)).isEqualTo(calls);
  }

  /**
   * Types wrong passcodes, three per fresh challenge, so that no challenge reaches its own limit
   * and the per-workspace limit is what a test sees; returns the last view.
   */
  private static ChallengeView wrongPasscodes(InMemoryGatehouse env, int count) {
    ChallengeView last = null;
    ChallengeView challenge = null;
    for (int i = 0; i < count; i++) {
      if (i % 3 == 0) {
        challenge = pending(open(env, MEMBER));
      }
      last = submit(env, MEMBER, challenge.id(), WRONG_PASSCODE);
    }
    return last;
  }
}
