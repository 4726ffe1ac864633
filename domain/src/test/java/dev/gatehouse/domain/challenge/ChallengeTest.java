package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.IllegalTransitionException;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChallengeTest {
  private static final ChallengeId ID = new ChallengeId("Qm9vdHN0cmFwQ2hhbGxlbmdl");
  private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-00000001");
  private static final UserName ALICE = new UserName("alice");
  private static final DeviceId DEVICE = new DeviceId("DPFZRS9FB0D46QFTM891");
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final Duration LIFETIME = Duration.ofSeconds(90);
  private static final Instant EXPIRY = NOW.plus(LIFETIME);
  private static final DuoTransactionId TXID = new DuoTransactionId("45f7c92b-f45f-4862-8545-e0f58e78075a");
  private static final StatusMessage STARTED = StatusMessage.of("Starting");
  private static final StatusMessage MESSAGE = StatusMessage.of("Pushed a login request to your device...");

  private static Challenge start(DuoMethod method) {
    return start(method, ChallengePurpose.UNLOCK);
  }

  private static Challenge start(DuoMethod method, ChallengePurpose purpose) {
    return Challenge.start(ID, WORKSPACE, ALICE, purpose, new DeviceSelection(DEVICE, method), STARTED,
        NOW, LIFETIME);
  }

  /** A challenge in the given state, reached through legal transitions only. */
  private static Challenge inState(ChallengeState state) {
    switch (state) {
      case PENDING:
        return start(DuoMethod.PUSH);
      case AWAITING_PASSCODE:
        return start(DuoMethod.SMS).reservePasscodeAttempt();
      case APPROVED:
        return start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE).approve(StatusMessage.of("Success"));
      case DENIED:
        return start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE)
            .deny(DenialReason.DENIED, StatusMessage.of("Login request denied."));
      case EXPIRED:
        return start(DuoMethod.PUSH).expire(EXPIRY);
      case FAILED:
        return start(DuoMethod.PUSH).fail(EndCode.DUO_UNAVAILABLE, StatusMessage.of("cannot reach Duo"));
      default:
        throw new AssertionError(state);
    }
  }

  /** The same challenge as stored with another version, rebuilt through {@link Challenge#restore}. */
  private static Challenge withVersion(Challenge c, long version) {
    return Challenge.restore(c.id(), c.workspace(), c.user(), c.purpose(), c.selection(), c.state(),
        c.denialReason(), c.duoTransaction(), c.statusMessage(), c.verificationCode(),
        Optional.of(c.settledBy()).filter(m -> c.supersededByPasscode()), c.passcodeAttempts(), c.createdAt(),
        c.expiresAt(), c.sessionIssued(), c.stepUp(), c.endCode(), version);
  }

  private static Challenge restore(DuoMethod method, ChallengeState state, Optional<DenialReason> reason,
      int passcodeAttempts, boolean sessionIssued, ChallengePurpose purpose) {
    return Challenge.restore(ID, WORKSPACE, ALICE, purpose, new DeviceSelection(DEVICE, method), state,
        reason, Optional.empty(), MESSAGE, passcodeAttempts, NOW, EXPIRY, sessionIssued, 3);
  }

  // --- the transition matrix ---------------------------------------------------------------

  enum Transition {
    ATTACH_TRANSACTION(c -> c.attachTransaction(TXID, MESSAGE)),
    PROGRESS(c -> c.progress(MESSAGE)),
    APPROVE(c -> c.approve(MESSAGE)),
    APPROVE_BY_PASSCODE(c -> c.approveByPasscode(MESSAGE)),
    DENY(c -> c.deny(DenialReason.DENIED, MESSAGE)),
    RESERVE_PASSCODE(Challenge::reservePasscodeAttempt),
    REJECT_PASSCODE(c -> c.rejectPasscode(MESSAGE)),
    CANCEL(Challenge::cancel),
    FAIL(c -> c.fail(EndCode.DUO_UNAVAILABLE, MESSAGE)),
    EXPIRE(c -> c.expire(c.expiresAt())),
    MARK_SESSION_ISSUED(Challenge::markSessionIssued);

    private final UnaryOperator<Challenge> change;

    Transition(UnaryOperator<Challenge> change) {
      this.change = change;
    }

    Challenge applyTo(Challenge challenge) {
      return change.apply(challenge);
    }
  }

  /** For each state, the transitions it allows and the state each leads to; all others are refused. */
  private static final Map<ChallengeState, Map<Transition, ChallengeState>> ALLOWED =
      new EnumMap<>(ChallengeState.class);

  static {
    for (ChallengeState state : ChallengeState.values()) {
      ALLOWED.put(state, new EnumMap<>(Transition.class));
    }
    ALLOWED.get(ChallengeState.PENDING).putAll(Map.of(
        Transition.ATTACH_TRANSACTION, ChallengeState.PENDING,
        Transition.PROGRESS, ChallengeState.PENDING,
        Transition.APPROVE, ChallengeState.APPROVED,
        Transition.APPROVE_BY_PASSCODE, ChallengeState.APPROVED,
        Transition.RESERVE_PASSCODE, ChallengeState.PENDING,
        Transition.DENY, ChallengeState.DENIED,
        Transition.CANCEL, ChallengeState.DENIED,
        Transition.FAIL, ChallengeState.FAILED,
        Transition.EXPIRE, ChallengeState.EXPIRED));
    ALLOWED.get(ChallengeState.AWAITING_PASSCODE).putAll(Map.of(
        Transition.APPROVE_BY_PASSCODE, ChallengeState.APPROVED,
        Transition.PROGRESS, ChallengeState.AWAITING_PASSCODE,
        Transition.RESERVE_PASSCODE, ChallengeState.AWAITING_PASSCODE,
        Transition.APPROVE, ChallengeState.APPROVED,
        Transition.DENY, ChallengeState.DENIED,
        Transition.REJECT_PASSCODE, ChallengeState.AWAITING_PASSCODE,
        Transition.CANCEL, ChallengeState.DENIED,
        Transition.FAIL, ChallengeState.FAILED,
        Transition.EXPIRE, ChallengeState.EXPIRED));
    ALLOWED.get(ChallengeState.APPROVED).put(Transition.MARK_SESSION_ISSUED, ChallengeState.APPROVED);
  }

  static Stream<Arguments> allowedTransitions() {
    return ALLOWED.entrySet().stream().flatMap(byState -> byState.getValue().entrySet().stream()
        .map(t -> Arguments.of(byState.getKey(), t.getKey(), t.getValue())));
  }

  static Stream<Arguments> refusedTransitions() {
    Stream.Builder<Arguments> rows = Stream.builder();
    for (ChallengeState state : ChallengeState.values()) {
      for (Transition transition : Transition.values()) {
        if (!ALLOWED.get(state).containsKey(transition)) {
          rows.add(Arguments.of(state, transition));
        }
      }
    }
    return rows.build();
  }

  @Test
  void theMatrixCoversEveryStateAndTransition() {
    assertThat(allowedTransitions().count() + refusedTransitions().count())
        .isEqualTo((long) ChallengeState.values().length * Transition.values().length);
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("allowedTransitions")
  void allowedTransitionLeadsToItsState(ChallengeState from, Transition transition, ChallengeState to) {
    assertThat(transition.applyTo(inState(from)).state()).isEqualTo(to);
  }

  @ParameterizedTest(name = "{0} --{1}--> refused")
  @MethodSource("refusedTransitions")
  void refusedTransitionThrows(ChallengeState from, Transition transition) {
    Challenge challenge = inState(from);

    assertThatThrownBy(() -> transition.applyTo(challenge))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageStartingWith("Challenge cannot ")
        .hasMessageEndingWith(" when " + from);
  }

  @ParameterizedTest(name = "{0} --{1}--> refused, unchanged")
  @MethodSource("refusedTransitions")
  void refusedTransitionLeavesTheChallengeUnchanged(ChallengeState from, Transition transition) {
    Challenge challenge = inState(from);
    Challenge copy = withVersion(challenge, challenge.version());

    try {
      transition.applyTo(challenge);
    } catch (IllegalTransitionException expected) {
      // the refusal itself is asserted above
    }

    assertThat(challenge).isEqualTo(copy);
  }

  @ParameterizedTest(name = "{0} --{1}--> keeps version")
  @MethodSource("allowedTransitions")
  void allowedTransitionCarriesTheVersion(ChallengeState from, Transition transition, ChallengeState to) {
    Challenge stored = withVersion(inState(from), 42);

    assertThat(transition.applyTo(stored).version()).isEqualTo(42);
  }

  @ParameterizedTest(name = "{0} --{1}--> new instance")
  @MethodSource("allowedTransitions")
  void allowedTransitionLeavesTheOriginalUnchanged(ChallengeState from, Transition transition,
      ChallengeState to) {
    Challenge original = inState(from);
    Challenge copy = withVersion(original, original.version());

    transition.applyTo(original);

    assertThat(original).isEqualTo(copy);
  }

  // --- starting ------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class, names = {"PUSH", "PHONE"})
  void pushAndPhoneStartPending(DuoMethod method) {
    assertThat(start(method).state()).isEqualTo(ChallengeState.PENDING);
  }

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class, names = {"SMS", "PASSCODE"})
  void smsAndPasscodeStartAwaitingAPasscode(DuoMethod method) {
    assertThat(start(method).state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
  }

  @Test
  void startsWithoutDuoTransactionOrWrongPasscodes() {
    Challenge challenge = start(DuoMethod.PUSH);

    assertThat(challenge.duoTransaction()).isEmpty();
    assertThat(challenge.passcodeAttempts()).isZero();
    assertThat(challenge.denialReason()).isEmpty();
    assertThat(challenge.sessionIssued()).isFalse();
    assertThat(challenge.version()).isZero();
  }

  @Test
  void expiresOneLifetimeAfterItStarted() {
    Challenge challenge = start(DuoMethod.PUSH);

    assertThat(challenge.createdAt()).isEqualTo(NOW);
    assertThat(challenge.expiresAt()).isEqualTo(EXPIRY);
  }

  @Test
  void keepsTheStatusMessageItStartedWith() {
    assertThat(start(DuoMethod.PUSH).statusMessage()).isEqualTo(STARTED);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void refusesToStartWithoutALifetime(long seconds) {
    assertThatThrownBy(() -> Challenge.start(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK,
        new DeviceSelection(DEVICE, DuoMethod.PUSH), STARTED, NOW, Duration.ofSeconds(seconds)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("expiresAt must be after createdAt");
  }

  @Test
  void refusesToStartWithoutASelection() {
    assertThatThrownBy(() -> Challenge.start(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK, null, STARTED,
        NOW, LIFETIME))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesToStartWithoutAStatusMessage() {
    assertThatThrownBy(() -> Challenge.start(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK,
        new DeviceSelection(DEVICE, DuoMethod.PUSH), null, NOW, LIFETIME))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("statusMessage is required");
  }

  @Test
  void belongsToTheUserWhoStartedIt() {
    assertThat(start(DuoMethod.PUSH).isOwnedBy(ALICE)).isTrue();
  }

  @Test
  void doesNotBelongToAnotherUser() {
    assertThat(start(DuoMethod.PUSH).isOwnedBy(new UserName("mallory"))).isFalse();
  }

  // --- waiting on Duo ------------------------------------------------------------------------

  @Test
  void attachingATransactionRecordsTxidAndMessage() {
    Challenge challenge = start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE);

    assertThat(challenge.duoTransaction()).contains(TXID);
    assertThat(challenge.statusMessage()).isEqualTo(MESSAGE);
  }

  @Test
  void refusesASecondTransaction() {
    Challenge challenge = start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE);

    assertThatThrownBy(() -> challenge.attachTransaction(new DuoTransactionId("other"), MESSAGE))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void refusesAMissingTransaction() {
    assertThatThrownBy(() -> start(DuoMethod.PUSH).attachTransaction(null, MESSAGE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("txid is required");
  }

  @Test
  void progressKeepsDuosLatestMessage() {
    StatusMessage latest = StatusMessage.of("Still waiting...");

    assertThat(start(DuoMethod.PHONE).attachTransaction(TXID, MESSAGE).progress(latest).statusMessage())
        .isEqualTo(latest);
  }

  @Test
  void progressKeepsTheTransaction() {
    assertThat(start(DuoMethod.PHONE).attachTransaction(TXID, MESSAGE).progress(MESSAGE).duoTransaction())
        .contains(TXID);
  }

  // --- outcomes ------------------------------------------------------------------------------

  @Test
  void approvalKeepsDuosMessage() {
    StatusMessage success = StatusMessage.of("Success. Logging you in...");

    assertThat(start(DuoMethod.PUSH).approve(success).statusMessage()).isEqualTo(success);
  }

  @Test
  void approvalHasNoDenialReason() {
    assertThat(inState(ChallengeState.APPROVED).denialReason()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DenialReason.class)
  void denialRecordsItsReason(DenialReason reason) {
    Challenge denied = start(DuoMethod.PUSH).deny(reason, MESSAGE);

    assertThat(denied.denialReason()).contains(reason);
  }

  @Test
  void denialKeepsDuosMessage() {
    StatusMessage message = StatusMessage.of("Login request denied.");

    assertThat(start(DuoMethod.PUSH).deny(DenialReason.DENIED, message).statusMessage()).isEqualTo(message);
  }

  @Test
  void denialRequiresAReason() {
    assertThatThrownBy(() -> start(DuoMethod.PUSH).deny(null, MESSAGE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("reason is required");
  }

  @Test
  void cancellingDeniesAsCancelled() {
    Challenge cancelled = start(DuoMethod.PUSH).cancel();

    assertThat(cancelled.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(cancelled.denialReason()).contains(DenialReason.CANCELLED);
  }

  @Test
  void failureIsNotADenial() {
    assertThat(start(DuoMethod.PUSH).fail(EndCode.DUO_UNAVAILABLE, MESSAGE).denialReason()).isEmpty();
  }

  @Test
  void keepsTheTransactionThroughTheOutcome() {
    assertThat(inState(ChallengeState.APPROVED).duoTransaction()).contains(TXID);
  }

  // --- passcodes -----------------------------------------------------------------------------

  /** Reserves a passcode attempt and rejects it, {@code times} times, as a member typing wrong ones. */
  private static Challenge wrongPasscodes(Challenge challenge, int times) {
    for (int i = 0; i < times; i++) {
      challenge = challenge.reservePasscodeAttempt().rejectPasscode(MESSAGE);
    }
    return challenge;
  }

  @Test
  void countsAPasscodeWhenItIsReserved() {
    Challenge challenge = start(DuoMethod.PASSCODE).reservePasscodeAttempt();

    assertThat(challenge.passcodeAttempts()).isEqualTo(1);
    assertThat(challenge.remainingPasscodeAttempts()).isEqualTo(Challenge.MAX_WRONG_PASSCODES - 1);
  }

  @Test
  void aRejectedPasscodeStaysCountedOnce() {
    Challenge challenge = wrongPasscodes(start(DuoMethod.PASSCODE), 1);

    assertThat(challenge.passcodeAttempts()).isEqualTo(1);
    assertThat(challenge.statusMessage()).isEqualTo(MESSAGE);
  }

  @Test
  void refusesToRejectAPasscodeThatWasNotReserved() {
    assertThatThrownBy(() -> start(DuoMethod.PASSCODE).rejectPasscode(MESSAGE))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void keepsAwaitingAfterFourWrongPasscodes() {
    Challenge challenge = wrongPasscodes(start(DuoMethod.SMS), 4);

    assertThat(challenge.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(challenge.remainingPasscodeAttempts()).isEqualTo(1);
  }

  @Test
  void deniesOnFifthWrongPasscode() {
    Challenge challenge = wrongPasscodes(start(DuoMethod.SMS), 5);

    assertThat(challenge.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(challenge.denialReason()).contains(DenialReason.TOO_MANY_PASSCODES);
    assertThat(challenge.remainingPasscodeAttempts()).isZero();
  }

  @Test
  void refusesASixthPasscode() {
    Challenge denied = wrongPasscodes(start(DuoMethod.PASSCODE), 5);

    assertThatThrownBy(denied::reservePasscodeAttempt).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void reservesAtMostFiveAttemptsEvenBeforeAnyIsAnswered() {
    Challenge challenge = start(DuoMethod.PASSCODE);
    for (int i = 0; i < Challenge.MAX_WRONG_PASSCODES; i++) {
      challenge = challenge.reservePasscodeAttempt();
    }
    Challenge allReserved = challenge;

    assertThat(allReserved.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(allReserved.hasPasscodeAttemptLeft()).isFalse();
    assertThatThrownBy(allReserved::reservePasscodeAttempt).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void theFirstWrongAnswerOnceEveryAttemptIsReservedDenies() {
    Challenge challenge = start(DuoMethod.PASSCODE);
    for (int i = 0; i < Challenge.MAX_WRONG_PASSCODES; i++) {
      challenge = challenge.reservePasscodeAttempt();
    }

    assertThat(challenge.rejectPasscode(MESSAGE).denialReason()).contains(DenialReason.TOO_MANY_PASSCODES);
  }

  @Test
  void approvesAfterSomeWrongPasscodes() {
    Challenge challenge = wrongPasscodes(start(DuoMethod.PASSCODE), 2).reservePasscodeAttempt()
        .approve(StatusMessage.of("Success"));

    assertThat(challenge.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(challenge.passcodeAttempts()).isEqualTo(3);
  }

  @Test
  void aRightPasscodeIsGivenBackWhenItApproves() {
    Challenge challenge = wrongPasscodes(start(DuoMethod.PASSCODE), 2).reservePasscodeAttempt()
        .approveByPasscode(StatusMessage.of("Success"));

    assertThat(challenge.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(challenge.passcodeAttempts()).isEqualTo(2);
    assertThat(challenge.remainingPasscodeAttempts()).isEqualTo(Challenge.MAX_WRONG_PASSCODES - 2);
  }

  @Test
  void anSmsChallengeKeepsDuosWordAboutTheBatch() {
    Challenge challenge = start(DuoMethod.SMS).progress(StatusMessage.of("New SMS passcodes sent."));

    assertThat(challenge.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(challenge.statusMessage().value()).isEqualTo("New SMS passcodes sent.");
  }

  // --- expiry --------------------------------------------------------------------------------

  @Test
  void isNotDueBeforeItsExpiry() {
    assertThat(start(DuoMethod.PUSH).isDue(EXPIRY.minusNanos(1))).isFalse();
  }

  @Test
  void isDueAtItsExpiry() {
    assertThat(start(DuoMethod.PUSH).isDue(EXPIRY)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = ChallengeState.class, names = {"APPROVED", "DENIED", "EXPIRED", "FAILED"})
  void aFinishedChallengeIsNeverDue(ChallengeState state) {
    assertThat(inState(state).isDue(EXPIRY.plus(Duration.ofDays(1)))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class)
  void refusesToExpireBeforeItsExpiry(DuoMethod method) {
    Challenge challenge = start(method);

    assertThatThrownBy(() -> challenge.expire(EXPIRY.minusNanos(1)))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class)
  void expiresAtItsExpiry(DuoMethod method) {
    assertThat(start(method).expire(EXPIRY).state()).isEqualTo(ChallengeState.EXPIRED);
  }

  @Test
  void expiresAfterItsExpiry() {
    assertThat(start(DuoMethod.PUSH).expire(EXPIRY.plusSeconds(3600)).state()).isEqualTo(ChallengeState.EXPIRED);
  }

  @Test
  void expiryIsEndedByGatehouseWithItsCodeAndNoMessageOfItsOwn() {
    Challenge expired = start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE).expire(EXPIRY);

    assertThat(expired.endCode()).contains(EndCode.EXPIRED);
    assertThat(expired.statusMessage()).isEqualTo(StatusMessage.NONE);
  }

  @Test
  void cancellingSaysWhyWithItsCode() {
    Challenge superseded = start(DuoMethod.SMS).cancel(EndCode.SUPERSEDED);

    assertThat(superseded.denialReason()).contains(DenialReason.CANCELLED);
    assertThat(superseded.endCode()).contains(EndCode.SUPERSEDED);
    assertThat(superseded.statusMessage()).isEqualTo(StatusMessage.NONE);
    assertThat(start(DuoMethod.PUSH).cancel().endCode()).contains(EndCode.CANCELLED);
  }

  @Test
  void failingKeepsTheReportBehindItsCode() {
    Challenge failed = start(DuoMethod.PUSH).fail(EndCode.DUO_RATE_LIMITED, StatusMessage.of("HTTP 429"));

    assertThat(failed.endCode()).contains(EndCode.DUO_RATE_LIMITED);
    assertThat(failed.statusMessage()).isEqualTo(StatusMessage.of("HTTP 429"));
  }

  @ParameterizedTest
  @EnumSource(EndCode.class)
  void anEndCodeEndsOnlyInItsOwnState(EndCode code) {
    Challenge open = start(DuoMethod.PUSH);
    if (code.state() == ChallengeState.DENIED) {
      assertThat(open.cancel(code).state()).isEqualTo(ChallengeState.DENIED);
    } else {
      assertThatThrownBy(() -> open.cancel(code)).isInstanceOf(InvalidValueException.class);
    }
    if (code.state() == ChallengeState.FAILED) {
      assertThat(open.fail(code, MESSAGE).state()).isEqualTo(ChallengeState.FAILED);
    } else {
      assertThatThrownBy(() -> open.fail(code, MESSAGE)).isInstanceOf(InvalidValueException.class);
    }
  }

  @Test
  void restoringAnEndCodeThatDoesNotMatchTheStateIsRefused() {
    assertThatThrownBy(() -> Challenge.restore(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK,
        new DeviceSelection(DEVICE, DuoMethod.PUSH), ChallengeState.DENIED, Optional.of(DenialReason.DENIED),
        Optional.empty(), MESSAGE, Optional.empty(), Optional.empty(), 0, NOW, EXPIRY, false, Optional.empty(),
        Optional.of(EndCode.SUPERSEDED), 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("endCode");
  }

  @Test
  void anExpiredChallengeHasNoDenialReason() {
    assertThat(start(DuoMethod.PUSH).expire(EXPIRY).denialReason()).isEmpty();
  }

  // --- sessions ------------------------------------------------------------------------------

  @Test
  void anApprovedUnlockCanIssueASession() {
    assertThat(inState(ChallengeState.APPROVED).canIssueSession()).isTrue();
  }

  @Test
  void marksTheSessionIssued() {
    assertThat(inState(ChallengeState.APPROVED).markSessionIssued().sessionIssued()).isTrue();
  }

  @Test
  void issuesASessionOnlyOnce() {
    Challenge issued = inState(ChallengeState.APPROVED).markSessionIssued();

    assertThat(issued.canIssueSession()).isFalse();
    assertThatThrownBy(issued::markSessionIssued).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void anApprovedDeviceVerificationIssuesNoSession() {
    Challenge verified = start(DuoMethod.PUSH, ChallengePurpose.VERIFY_DEVICE).approve(MESSAGE);

    assertThat(verified.canIssueSession()).isFalse();
    assertThatThrownBy(verified::markSessionIssued).isInstanceOf(IllegalTransitionException.class);
  }

  @ParameterizedTest
  @EnumSource(value = ChallengeState.class, names = "APPROVED", mode = EnumSource.Mode.EXCLUDE)
  void onlyAnApprovedChallengeCanIssueASession(ChallengeState state) {
    assertThat(inState(state).canIssueSession()).isFalse();
  }

  // --- restoring -----------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(ChallengeState.class)
  void restoresEveryReachableState(ChallengeState state) {
    Challenge original = inState(state);

    assertThat(withVersion(original, original.version())).isEqualTo(original)
        .hasSameHashCodeAs(original);
  }

  @Test
  void restoresAChallengeWithItsSessionIssued() {
    Challenge issued = inState(ChallengeState.APPROVED).markSessionIssued();

    assertThat(withVersion(issued, 0)).isEqualTo(issued);
  }

  @Test
  void restoredVersionIsKept() {
    assertThat(withVersion(inState(ChallengeState.PENDING), 7).version()).isEqualTo(7);
  }

  @Test
  void challengesWithDifferentVersionsDiffer() {
    Challenge challenge = inState(ChallengeState.PENDING);

    assertThat(withVersion(challenge, 1)).isNotEqualTo(withVersion(challenge, 2));
  }

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class, names = {"SMS", "PASSCODE"})
  void restoreRefusesAPendingSmsOrPasscodeChallenge(DuoMethod method) {
    assertThatThrownBy(() -> restore(method, ChallengeState.PENDING, Optional.empty(), 0, false,
        ChallengePurpose.UNLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("state SMS and passcode challenges never wait on Duo");
  }

  @Test
  void restoreRefusesADenialWithoutReason() {
    assertThatThrownBy(() -> restore(DuoMethod.PUSH, ChallengeState.DENIED, Optional.empty(), 0, false,
        ChallengePurpose.UNLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("denialReason is required exactly when the state is DENIED");
  }

  @ParameterizedTest
  @EnumSource(value = ChallengeState.class, names = "DENIED", mode = EnumSource.Mode.EXCLUDE)
  void restoreRefusesAReasonOutsideDenial(ChallengeState state) {
    DuoMethod method = state == ChallengeState.AWAITING_PASSCODE ? DuoMethod.SMS : DuoMethod.PUSH;

    assertThatThrownBy(() -> restore(method, state, Optional.of(DenialReason.FRAUD), 0, false,
        ChallengePurpose.UNLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("denialReason is required exactly when the state is DENIED");
  }

  @Test
  void restoreRefusesAnExpiryNotAfterCreation() {
    assertThatThrownBy(() -> Challenge.restore(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK,
        new DeviceSelection(DEVICE, DuoMethod.PUSH), ChallengeState.PENDING, Optional.empty(),
        Optional.empty(), MESSAGE, 0, NOW, NOW, false, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("expiresAt must be after createdAt");
  }

  @ParameterizedTest
  @EnumSource(value = ChallengeState.class, names = {"PENDING", "EXPIRED", "FAILED"})
  void restoreRefusesAnIssuedSessionForAChallengeThatWasNotApproved(ChallengeState state) {
    assertThatThrownBy(() -> restore(DuoMethod.PUSH, state, Optional.empty(), 0, true, ChallengePurpose.UNLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("sessionIssued only an approved unlock issues a session");
  }

  @Test
  void restoreRefusesAnIssuedSessionForADeviceVerification() {
    assertThatThrownBy(() -> restore(DuoMethod.PUSH, ChallengeState.APPROVED, Optional.empty(), 0, true,
        ChallengePurpose.VERIFY_DEVICE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("sessionIssued only an approved unlock issues a session");
  }

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class, names = {"PUSH", "PHONE"})
  void restoreRefusesAPushOrCallAwaitingAPasscode(DuoMethod method) {
    assertThatThrownBy(() -> restore(method, ChallengeState.AWAITING_PASSCODE, Optional.empty(), 0, false,
        ChallengePurpose.UNLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("state push and phone challenges never await a passcode");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 6, 100})
  void restoreRefusesAPasscodeCountOutOfRange(int passcodeAttempts) {
    assertThatThrownBy(() -> restore(DuoMethod.SMS, ChallengeState.DENIED,
        Optional.of(DenialReason.TOO_MANY_PASSCODES), passcodeAttempts, false, ChallengePurpose.UNLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("passcodeAttempts must be between 0 and 5");
  }

  @Test
  void restoreAcceptsAnOpenChallengeWhoseAttemptsAreAllBeingVerified() {
    Challenge challenge = restore(DuoMethod.SMS, ChallengeState.AWAITING_PASSCODE, Optional.empty(),
        Challenge.MAX_WRONG_PASSCODES, false, ChallengePurpose.UNLOCK);

    assertThat(challenge.hasPasscodeAttemptLeft()).isFalse();
    assertThat(challenge.rejectPasscode(MESSAGE).denialReason()).contains(DenialReason.TOO_MANY_PASSCODES);
  }

  @Test
  void restoreAcceptsAnOpenChallengeWithAttemptsLeft() {
    Challenge challenge = restore(DuoMethod.SMS, ChallengeState.AWAITING_PASSCODE, Optional.empty(),
        Challenge.MAX_WRONG_PASSCODES - 1, false, ChallengePurpose.UNLOCK);

    assertThat(challenge.reservePasscodeAttempt().rejectPasscode(MESSAGE).denialReason())
        .contains(DenialReason.TOO_MANY_PASSCODES);
  }

  @Test
  void restoreRefusesAMissingStatusMessage() {
    assertThatThrownBy(() -> Challenge.restore(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK,
        new DeviceSelection(DEVICE, DuoMethod.PUSH), ChallengeState.PENDING, Optional.empty(),
        Optional.empty(), null, 0, NOW, EXPIRY, false, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("statusMessage is required");
  }

  @Test
  void toStringShowsPurposeStateReasonOwnerAndMethod() {
    assertThat(start(DuoMethod.PUSH).cancel())
        .hasToString("Challenge[UNLOCK DENIED(CANCELLED), alice@ws-00000001, PUSH]");
  }

  @Test
  void aPushWithoutItsDuoTransactionIsStrandedOnlyAfterTheGracePeriod() {
    Challenge push = Challenge.start(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK,
        new DeviceSelection(DEVICE, DuoMethod.PUSH), STARTED, NOW, LIFETIME);

    assertThat(push.isStranded(NOW.plus(Challenge.STRANDED_AFTER).minusMillis(1))).isFalse();
    assertThat(push.isStranded(NOW.plus(Challenge.STRANDED_AFTER))).isTrue();
    assertThat(push.attachTransaction(TXID, MESSAGE).isStranded(NOW.plus(Challenge.STRANDED_AFTER))).isFalse();
  }

  @Test
  void theGracePeriodOutlastsTheSlowestLegitimatePushStart() {
    Duration connect = Duration.ofSeconds(10);
    Duration request = Duration.ofSeconds(10);
    Duration backoffWithJitter = Duration.ofSeconds(1 + 2 + 4 + 8 + 16 + 32).plusSeconds(6);

    assertThat(Challenge.STRANDED_AFTER).isGreaterThan(connect.plus(request).plus(backoffWithJitter));
  }

  // --- push or passcode, whichever comes first, and Verified Duo Push -------------------------

  private static final VerificationCode CODE = new VerificationCode("708");
  private static final StatusMessage ENTER_CODE =
      StatusMessage.of("Please enter verification code 708 into Duo Mobile...");

  @Test
  void aPasscodeTypedWhileThePushWaitsSettlesItInThePushsPlace() {
    Challenge pending = start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE).progress(ENTER_CODE,
        Optional.of(CODE));

    Challenge approved = pending.reservePasscodeAttempt().approveByPasscode(StatusMessage.of("Success"));

    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(approved.settledBy()).isEqualTo(DuoMethod.PASSCODE);
    assertThat(approved.supersededByPasscode()).isTrue();
    assertThat(approved.verificationCode()).isEmpty();
  }

  @Test
  void aPushApprovedBeforeAnyPasscodeIsSettledByThePush() {
    Challenge approved = start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE).reservePasscodeAttempt()
        .approve(StatusMessage.of("Success"));

    assertThat(approved.settledBy()).isEqualTo(DuoMethod.PUSH);
    assertThat(approved.supersededByPasscode()).isFalse();
  }

  @Test
  void aPasscodeForAnSmsChallengeIsTheSmsMethodItself() {
    Challenge approved = start(DuoMethod.SMS).reservePasscodeAttempt().approveByPasscode(MESSAGE);

    assertThat(approved.settledBy()).isEqualTo(DuoMethod.SMS);
    assertThat(approved.supersededByPasscode()).isFalse();
  }

  @Test
  void wrongPasscodesLeaveThePushWaitingUntilTheLastOneDeniesIt() {
    Challenge challenge = start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE).progress(ENTER_CODE,
        Optional.of(CODE));
    for (int i = 1; i < Challenge.MAX_WRONG_PASSCODES; i++) {
      challenge = challenge.reservePasscodeAttempt().rejectPasscode(StatusMessage.of("Incorrect passcode"));
      assertThat(challenge.state()).isEqualTo(ChallengeState.PENDING);
      assertThat(challenge.verificationCode()).contains(CODE);
    }

    Challenge denied = challenge.reservePasscodeAttempt().rejectPasscode(StatusMessage.of("Incorrect passcode"));

    assertThat(denied.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(denied.denialReason()).contains(DenialReason.TOO_MANY_PASSCODES);
    assertThat(denied.settledBy()).isEqualTo(DuoMethod.PASSCODE);
    assertThat(denied.verificationCode()).isEmpty();
  }

  @Test
  void keepsTheVerificationCodeWhileThePushWaitsAndDropsItOnceItIsOver() {
    Challenge shown = start(DuoMethod.PUSH).attachTransaction(TXID, MESSAGE).progress(ENTER_CODE,
        Optional.of(CODE));
    Challenge later = shown.progress(StatusMessage.of("Push notification could not be delivered."),
        Optional.empty());

    assertThat(later.verificationCode()).contains(CODE);
    assertThat(later.deny(DenialReason.DENIED, MESSAGE).verificationCode()).isEmpty();
    assertThat(later.expire(EXPIRY).verificationCode()).isEmpty();
    assertThat(later.fail(EndCode.DUO_UNAVAILABLE, MESSAGE).verificationCode()).isEmpty();
    assertThat(later.cancel().verificationCode()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class, names = {"PHONE", "SMS", "PASSCODE"})
  void onlyAPushHasAVerificationCode(DuoMethod method) {
    Challenge challenge = start(method);

    assertThatThrownBy(() -> challenge.progress(ENTER_CODE, Optional.of(CODE)))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void restoreChecksTheVerificationCodeAndTheSettlingMethod() {
    DeviceSelection push = new DeviceSelection(DEVICE, DuoMethod.PUSH);
    Challenge pending = Challenge.restore(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK, push,
        ChallengeState.PENDING, Optional.empty(), Optional.of(TXID), ENTER_CODE, Optional.of(CODE),
        Optional.empty(), 1, NOW, EXPIRY, false, 4);
    assertThat(pending.verificationCode()).contains(CODE);

    assertThatThrownBy(() -> Challenge.restore(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK, push,
        ChallengeState.APPROVED, Optional.empty(), Optional.of(TXID), MESSAGE, Optional.of(CODE),
        Optional.empty(), 0, NOW, EXPIRY, false, 4)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Challenge.restore(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK, push,
        ChallengeState.PENDING, Optional.empty(), Optional.of(TXID), MESSAGE, Optional.empty(),
        Optional.of(DuoMethod.PASSCODE), 0, NOW, EXPIRY, false, 4)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Challenge.restore(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK,
        new DeviceSelection(DEVICE, DuoMethod.SMS), ChallengeState.APPROVED, Optional.empty(), Optional.empty(),
        MESSAGE, Optional.empty(), Optional.of(DuoMethod.PASSCODE), 1, NOW, EXPIRY, false, 4))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aVerificationCodeIsDigitsAndNeverPrinted() {
    assertThat(CODE.toString()).doesNotContain("708");
    assertThatThrownBy(() -> new VerificationCode("70a")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new VerificationCode("7")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aStepUpIsBoundToItsEntryAndSessionThroughEveryTransition() {
    StepUpTarget target = new StepUpTarget(new dev.gatehouse.domain.entry.EntryId("entry-0001"),
        new dev.gatehouse.domain.session.SessionId("session-0001"));
    Challenge stepUp = Challenge.startStepUp(ID, WORKSPACE, ALICE, target, new DeviceSelection(DEVICE, DuoMethod.PUSH),
        STARTED, NOW, LIFETIME);

    Challenge approved = stepUp.attachTransaction(TXID, MESSAGE).approve(StatusMessage.of("Success"));

    assertThat(approved.purpose()).isEqualTo(ChallengePurpose.STEP_UP);
    assertThat(approved.stepUp()).contains(target);
    assertThat(approved.canIssueSession()).isFalse();
    assertThat(start(DuoMethod.PUSH).stepUp()).isEmpty();
  }

  @Test
  void onlyAStepUpNamesAnEntryAndSession() {
    StepUpTarget target = new StepUpTarget(new dev.gatehouse.domain.entry.EntryId("entry-0001"),
        new dev.gatehouse.domain.session.SessionId("session-0001"));

    assertThatThrownBy(() -> start(DuoMethod.PUSH, ChallengePurpose.STEP_UP))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("stepUp");
    assertThatThrownBy(() -> Challenge.restore(ID, WORKSPACE, ALICE, ChallengePurpose.UNLOCK,
        new DeviceSelection(DEVICE, DuoMethod.PUSH), ChallengeState.PENDING, Optional.empty(), Optional.empty(),
        STARTED, Optional.empty(), Optional.empty(), 0, NOW, EXPIRY, false, Optional.of(target), 0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("stepUp");
  }
}
