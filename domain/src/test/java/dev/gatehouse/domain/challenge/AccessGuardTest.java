package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AccessGuardTest {
  private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-00000001");
  private static final UserName ALICE = new UserName("alice");
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Duration COOLDOWN = Duration.ofSeconds(30);

  private static AccessGuard clear() {
    return AccessGuard.clear(WORKSPACE, ALICE);
  }

  /** The guard after one wrong passcode at each of the given instants, in order. */
  private static AccessGuard afterWrongPasscodesAt(AccessGuard guard, Instant... times) {
    for (Instant at : times) {
      guard = guard.afterWrongPasscode(at);
    }
    return guard;
  }

  /** {@code count} instants, one every {@code step}, starting at {@code start}. */
  private static Instant[] every(Duration step, int count, Instant start) {
    return IntStream.range(0, count).mapToObj(i -> start.plus(step.multipliedBy(i))).toArray(Instant[]::new);
  }

  // --- nothing recorded ----------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(DuoMethod.class)
  void aClearGuardRestrictsNothing(DuoMethod method) {
    assertThat(clear().restrictionAt(T0, method)).isEmpty();
  }

  @Test
  void aClearGuardIsNeitherSuspendedNorLocked() {
    AccessGuard guard = clear();

    assertThat(guard.isSuspended()).isFalse();
    assertThat(guard.isLockedOut(T0)).isFalse();
    assertThat(guard.wrongPasscodes()).isEmpty();
  }

  // --- cooldown ------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class, names = {"PUSH", "PHONE", "SMS"})
  void aDenialStartsACooldownForEveryMethodThatSendsToTheDevice(DuoMethod method) {
    AccessGuard guard = clear().afterDenial(T0, COOLDOWN);

    assertThat(guard.restrictionAt(T0.plusSeconds(1), method))
        .contains(new Restriction(Restriction.Kind.COOLDOWN, Optional.of(T0.plus(COOLDOWN))));
  }

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class, names = {"PASSCODE"})
  void theCooldownDoesNotApplyToTypedPasscodes(DuoMethod method) {
    AccessGuard guard = clear().afterDenial(T0, COOLDOWN);

    assertThat(guard.restrictionAt(T0.plusSeconds(1), method)).isEmpty();
  }

  @Test
  void theCooldownStillAppliesJustBeforeItEnds() {
    AccessGuard guard = clear().afterDenial(T0, COOLDOWN);

    assertThat(guard.restrictionAt(T0.plus(COOLDOWN).minusNanos(1), DuoMethod.PUSH)).isPresent();
  }

  @Test
  void theCooldownEndsExactlyAtItsTime() {
    AccessGuard guard = clear().afterDenial(T0, COOLDOWN);

    assertThat(guard.restrictionAt(T0.plus(COOLDOWN), DuoMethod.PUSH)).isEmpty();
  }

  @Test
  void aZeroCooldownRestrictsNothing() {
    AccessGuard guard = clear().afterDenial(T0, Duration.ZERO);

    assertThat(guard.restrictionAt(T0, DuoMethod.PUSH)).isEmpty();
  }

  @Test
  void aLaterDenialRestartsTheCooldown() {
    AccessGuard guard = clear().afterDenial(T0, COOLDOWN).afterDenial(T0.plusSeconds(20), COOLDOWN);

    assertThat(guard.cooldownUntil()).contains(T0.plusSeconds(50));
  }

  @Test
  void aCooldownDoesNotSuspend() {
    assertThat(clear().afterDenial(T0, COOLDOWN).isSuspended()).isFalse();
  }

  // --- fraud ---------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(DuoMethod.class)
  void fraudSuspendsEveryMethod(DuoMethod method) {
    AccessGuard guard = clear().afterFraud(T0);

    assertThat(guard.restrictionAt(T0, method))
        .contains(new Restriction(Restriction.Kind.SUSPENDED, Optional.empty()));
  }

  @Test
  void aSuspensionDoesNotEndByItself() {
    AccessGuard guard = clear().afterFraud(T0);

    assertThat(guard.restrictionAt(T0.plus(Duration.ofDays(3650)), DuoMethod.SMS))
        .map(Restriction::kind).contains(Restriction.Kind.SUSPENDED);
  }

  @Test
  void fraudRecordsWhenAccessWasSuspended() {
    AccessGuard guard = clear().afterFraud(T0);

    assertThat(guard.isSuspended()).isTrue();
    assertThat(guard.suspendedAt()).contains(T0);
  }

  @Test
  void aSecondFraudReportKeepsTheFirstSuspensionTime() {
    AccessGuard guard = clear().afterFraud(T0).afterFraud(T0.plusSeconds(60));

    assertThat(guard.suspendedAt()).contains(T0);
  }

  @ParameterizedTest
  @EnumSource(DuoMethod.class)
  void clearingTheSuspensionRestoresAccess(DuoMethod method) {
    AccessGuard guard = clear().afterFraud(T0).clearSuspension();

    assertThat(guard.isSuspended()).isFalse();
    assertThat(guard.restrictionAt(T0.plusSeconds(1), method)).isEmpty();
  }

  @Test
  void clearingTheSuspensionKeepsARunningCooldown() {
    AccessGuard guard = clear().afterDenial(T0, COOLDOWN).afterFraud(T0).clearSuspension();

    assertThat(guard.restrictionAt(T0.plusSeconds(1), DuoMethod.PUSH))
        .map(Restriction::kind).contains(Restriction.Kind.COOLDOWN);
  }

  @Test
  void clearingTheSuspensionKeepsARunningLock() {
    AccessGuard locked = afterWrongPasscodesAt(clear(), every(Duration.ofSeconds(1), 10, T0));

    AccessGuard guard = locked.afterFraud(T0.plusSeconds(20)).clearSuspension();

    assertThat(guard.isLockedOut(T0.plusSeconds(30))).isTrue();
  }

  @Test
  void aSuspensionOutranksALock() {
    AccessGuard locked = afterWrongPasscodesAt(clear(), every(Duration.ofSeconds(1), 10, T0));

    assertThat(locked.afterFraud(T0.plusSeconds(20)).restrictionAt(T0.plusSeconds(30), DuoMethod.PASSCODE))
        .map(Restriction::kind).contains(Restriction.Kind.SUSPENDED);
  }

  // --- wrong passcodes -----------------------------------------------------------------------

  @Test
  void nineWrongPasscodesWithinTheWindowDoNotLock() {
    AccessGuard guard = afterWrongPasscodesAt(clear(), every(Duration.ofMinutes(1), 9, T0));

    assertThat(guard.isLockedOut(T0.plus(Duration.ofMinutes(9)))).isFalse();
    assertThat(guard.wrongPasscodes()).hasSize(9);
  }

  @Test
  void theTenthWrongPasscodeWithinTheWindowLocks() {
    Instant tenth = T0.plus(Duration.ofMinutes(14)).plusSeconds(59);
    AccessGuard nine = afterWrongPasscodesAt(clear(), every(Duration.ofMinutes(1), 9, T0));

    AccessGuard guard = nine.afterWrongPasscode(tenth);

    assertThat(guard.isLockedOut(tenth)).isTrue();
    assertThat(guard.lockedUntil()).contains(tenth.plus(AccessGuard.LOCKOUT));
  }

  @Test
  void limitsMatchTheProductBrief() {
    assertThat(AccessGuard.LOCKOUT).isEqualTo(Duration.ofMinutes(15));
    assertThat(AccessGuard.PASSCODE_WINDOW).isEqualTo(Duration.ofMinutes(15));
    assertThat(AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW).isEqualTo(10);
  }

  @ParameterizedTest
  @EnumSource(DuoMethod.class)
  void aLockRestrictsEveryMethod(DuoMethod method) {
    AccessGuard guard = afterWrongPasscodesAt(clear(), every(Duration.ofSeconds(1), 10, T0));
    Instant tenth = T0.plusSeconds(9);

    assertThat(guard.restrictionAt(tenth.plusSeconds(1), method))
        .contains(new Restriction(Restriction.Kind.LOCKED_OUT, Optional.of(tenth.plus(AccessGuard.LOCKOUT))));
  }

  @Test
  void theLockStillAppliesJustBeforeItEnds() {
    AccessGuard guard = afterWrongPasscodesAt(clear(), every(Duration.ofSeconds(1), 10, T0));
    Instant end = T0.plusSeconds(9).plus(AccessGuard.LOCKOUT);

    assertThat(guard.restrictionAt(end.minusNanos(1), DuoMethod.PASSCODE)).isPresent();
  }

  @Test
  void theLockEndsByItself() {
    AccessGuard guard = afterWrongPasscodesAt(clear(), every(Duration.ofSeconds(1), 10, T0));
    Instant end = T0.plusSeconds(9).plus(AccessGuard.LOCKOUT);

    assertThat(guard.isLockedOut(end)).isFalse();
    assertThat(guard.restrictionAt(end, DuoMethod.PASSCODE)).isEmpty();
  }

  @Test
  void aLockForgetsTheFailuresThatCausedIt() {
    AccessGuard guard = afterWrongPasscodesAt(clear(), every(Duration.ofSeconds(1), 10, T0));

    assertThat(guard.wrongPasscodes()).isEmpty();
  }

  @Test
  void afterALockTheCountStartsAgain() {
    AccessGuard locked = afterWrongPasscodesAt(clear(), every(Duration.ofSeconds(1), 10, T0));
    Instant afterLock = T0.plus(Duration.ofMinutes(20));

    AccessGuard guard = afterWrongPasscodesAt(locked, every(Duration.ofSeconds(1), 9, afterLock));

    assertThat(guard.isLockedOut(afterLock.plusSeconds(10))).isFalse();
  }

  @Test
  void aFailureExactlyOneWindowOldSlidesOut() {
    AccessGuard nine = afterWrongPasscodesAt(clear(), every(Duration.ZERO, 9, T0));

    AccessGuard guard = nine.afterWrongPasscode(T0.plus(AccessGuard.PASSCODE_WINDOW));

    assertThat(guard.isLockedOut(T0.plus(AccessGuard.PASSCODE_WINDOW))).isFalse();
    assertThat(guard.wrongPasscodes()).containsExactly(T0.plus(AccessGuard.PASSCODE_WINDOW));
  }

  @Test
  void failuresOlderThanTheWindowSlideOut() {
    // one failure at T0, then nine more from T0+10min; the tenth arrives 15 minutes after the first
    AccessGuard guard = clear().afterWrongPasscode(T0);
    guard = afterWrongPasscodesAt(guard, every(Duration.ofSeconds(30), 8, T0.plus(Duration.ofMinutes(10))));
    guard = guard.afterWrongPasscode(T0.plus(Duration.ofMinutes(15)));

    assertThat(guard.isLockedOut(T0.plus(Duration.ofMinutes(15)))).isFalse();
    assertThat(guard.wrongPasscodes()).hasSize(9).doesNotContain(T0);
  }

  @Test
  void failuresJustInsideTheWindowStillCount() {
    AccessGuard guard = clear().afterWrongPasscode(T0);
    guard = afterWrongPasscodesAt(guard, every(Duration.ofSeconds(30), 8, T0.plus(Duration.ofMinutes(10))));
    guard = guard.afterWrongPasscode(T0.plus(AccessGuard.PASSCODE_WINDOW).minusNanos(1));

    assertThat(guard.lockedUntil()).isPresent();
  }

  @Test
  void wrongPasscodesDoNotStartACooldown() {
    AccessGuard guard = afterWrongPasscodesAt(clear(), every(Duration.ofSeconds(1), 3, T0));

    assertThat(guard.restrictionAt(T0.plusSeconds(5), DuoMethod.PUSH)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void tenFailuresSpreadOverLessThanTheWindowAlwaysLock(long seed) {
    Random random = new Random(seed);
    List<Instant> times = randomFailures(random, 10, AccessGuard.PASSCODE_WINDOW.toMillis() - 1);

    AccessGuard guard = afterWrongPasscodesAt(clear(), times.toArray(Instant[]::new));

    assertThat(guard.isLockedOut(times.get(9))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void tenFailuresNeverLockWhenTheFirstIsAWindowOlderThanTheLast(long seed) {
    Random random = new Random(seed);
    List<Instant> times = new ArrayList<>(randomFailures(random, 9, AccessGuard.PASSCODE_WINDOW.toMillis()));
    times.add(T0.plus(AccessGuard.PASSCODE_WINDOW).plusMillis(random.nextInt(60_000)));

    AccessGuard guard = afterWrongPasscodesAt(clear(), times.toArray(Instant[]::new));

    assertThat(guard.lockedUntil()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void remembersOnlyFailuresWithinTheWindowAndFewerThanTheLimit(long seed) {
    Random random = new Random(seed);
    AccessGuard guard = clear();
    Instant now = T0;
    for (int i = 0; i < 50; i++) {
      now = now.plusMillis(random.nextInt(5 * 60_000));
      guard = guard.afterWrongPasscode(now);
      Instant windowStart = now.minus(AccessGuard.PASSCODE_WINDOW);
      assertThat(guard.wrongPasscodes())
          .hasSizeLessThan(AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW)
          .allMatch(at -> at.isAfter(windowStart));
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 1_000 + i);
  }

  /** Sorted failure times from T0 within {@code spanMillis}, the first at T0. */
  private static List<Instant> randomFailures(Random random, int count, long spanMillis) {
    List<Instant> times = new ArrayList<>();
    times.add(T0);
    for (int i = 1; i < count; i++) {
      times.add(T0.plusMillis(1 + (long) (random.nextDouble() * (spanMillis - 1))));
    }
    Collections.sort(times);
    return times;
  }

  // --- restoring -----------------------------------------------------------------------------

  @Test
  void restoredGuardEqualsTheOneItWasSavedFrom() {
    AccessGuard guard = afterWrongPasscodesAt(clear().afterDenial(T0, COOLDOWN).afterFraud(T0),
        every(Duration.ofSeconds(1), 3, T0));

    assertThat(AccessGuard.restore(WORKSPACE, ALICE, guard.suspendedAt(), guard.cooldownUntil(),
        guard.lockedUntil(), guard.wrongPasscodes()))
        .isEqualTo(guard)
        .hasSameHashCodeAs(guard);
  }

  @Test
  void restoreRefusesMoreWrongPasscodesThanTheLimit() {
    List<Instant> eleven = Stream.of(every(Duration.ofSeconds(1), 11, T0)).toList();

    assertThatThrownBy(() -> AccessGuard.restore(WORKSPACE, ALICE, Optional.empty(), Optional.empty(),
        Optional.empty(), eleven))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("wrongPasscodes must be between 0 and 10");
  }

  @Test
  void restoreRefusesAMissingUser() {
    assertThatThrownBy(() -> AccessGuard.restore(WORKSPACE, null, Optional.empty(), Optional.empty(),
        Optional.empty(), List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("user is required");
  }

  // --- reserved passcodes --------------------------------------------------------------------

  /** The guard after a passcode reserved at each of the given instants, none resolved yet. */
  private static AccessGuard reservedAt(AccessGuard guard, Instant... times) {
    for (Instant at : times) {
      guard = guard.reservePasscodeAttempt(at);
    }
    return guard;
  }

  @Test
  void aReservedPasscodeCountsAtOnce() {
    AccessGuard guard = clear().reservePasscodeAttempt(T0);

    assertThat(guard.wrongPasscodes()).containsExactly(T0);
    assertThat(guard.isLockedOut(T0)).isFalse();
  }

  @Test
  void tenReservedPasscodesDoNotLockBeforeDuoAnswers() {
    AccessGuard guard = reservedAt(clear(), every(Duration.ZERO, 10, T0));

    assertThat(guard.isLockedOut(T0)).isFalse();
    assertThat(guard.wrongPasscodes()).hasSize(AccessGuard.MAX_WRONG_PASSCODES_PER_WINDOW);
  }

  @Test
  void anEleventhReservationWhileTenAreCountedLocks() {
    AccessGuard guard = reservedAt(clear(), every(Duration.ZERO, 11, T0));

    assertThat(guard.lockedUntil()).contains(T0.plus(AccessGuard.LOCKOUT));
    assertThat(guard.wrongPasscodes()).isEmpty();
  }

  @Test
  void aWrongReservedPasscodeThatFillsTheWindowLocks() {
    AccessGuard guard = reservedAt(clear(), every(Duration.ofSeconds(1), 10, T0));

    AccessGuard after = guard.afterReservedPasscodeWasWrong(T0.plusSeconds(20));

    assertThat(after.lockedUntil()).contains(T0.plusSeconds(20).plus(AccessGuard.LOCKOUT));
  }

  @Test
  void aWrongReservedPasscodeIsNotCountedTwice() {
    AccessGuard guard = reservedAt(clear(), every(Duration.ofSeconds(1), 3, T0));

    AccessGuard after = guard.afterReservedPasscodeWasWrong(T0.plusSeconds(5));

    assertThat(after.wrongPasscodes()).hasSize(3);
    assertThat(after.isLockedOut(T0.plusSeconds(5))).isFalse();
  }

  @Test
  void anAcceptedPasscodeIsGivenBack() {
    AccessGuard guard = reservedAt(clear(), every(Duration.ofSeconds(1), 10, T0));

    AccessGuard after = guard.releasePasscodeAttempt(T0.plusSeconds(9))
        .afterReservedPasscodeWasWrong(T0.plusSeconds(20));

    assertThat(after.wrongPasscodes()).hasSize(9).doesNotContain(T0.plusSeconds(9));
    assertThat(after.isLockedOut(T0.plusSeconds(20))).isFalse();
  }

  @Test
  void givingBackOnePasscodeOfSeveralReservedAtTheSameInstantKeepsTheOthers() {
    AccessGuard guard = reservedAt(clear(), every(Duration.ZERO, 3, T0));

    assertThat(guard.releasePasscodeAttempt(T0).wrongPasscodes()).containsExactly(T0, T0);
  }

  @Test
  void givingBackAPasscodeNoLongerCountedChangesNothing() {
    AccessGuard locked = reservedAt(clear(), every(Duration.ZERO, 11, T0));

    assertThat(locked.releasePasscodeAttempt(T0)).isEqualTo(locked);
  }

  @Test
  void wrongPasscodesCannotBeModifiedFromOutside() {
    AccessGuard guard = clear().afterWrongPasscode(T0);

    assertThatThrownBy(() -> guard.wrongPasscodes().add(T0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void transitionsLeaveTheOriginalUnchanged() {
    AccessGuard original = clear();

    original.afterFraud(T0);
    original.afterDenial(T0, COOLDOWN);
    original.afterWrongPasscode(T0);
    original.reservePasscodeAttempt(T0);

    assertThat(original).isEqualTo(clear());
  }
}
