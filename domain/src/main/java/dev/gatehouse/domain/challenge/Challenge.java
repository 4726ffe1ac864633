package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.IllegalTransitionException;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One second-factor authentication of one member for one workspace, from start to outcome:
 * {@code PENDING → AWAITING_PASSCODE → APPROVED | DENIED(reason) | EXPIRED | FAILED}. While a push
 * or call is pending the member may type a passcode instead: whichever settles it first wins, and
 * {@link #settledBy()} names the method that did. Only legal transitions exist; each returns a new
 * instance carrying the same {@link #version()}, which the repository uses for optimistic updates.
 */
public final class Challenge {
  /** Wrong passcodes one challenge accepts before it is denied. */
  public static final int MAX_WRONG_PASSCODES = 5;
  /**
   * How long a push or call may wait for its Duo transaction id to be recorded: longer than the
   * slowest legitimate start (connect 10 s + request 10 s + the official 429 back-off of up to
   * 63 s plus jitter, about 90 s). A challenge whose lifetime is shorter expires before it could
   * be stranded, which ends it just the same.
   */
  public static final Duration STRANDED_AFTER = Duration.ofSeconds(120);

  private final ChallengeId id;
  private final WorkspaceId workspace;
  private final UserName user;
  private final ChallengePurpose purpose;
  private final DeviceSelection selection;
  private final ChallengeState state;
  private final DenialReason denialReason;
  private final DuoTransactionId duoTransaction;
  private final StatusMessage statusMessage;
  private final VerificationCode verificationCode;
  private final DuoMethod settledBy;
  private final int passcodeAttempts;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final boolean sessionIssued;
  private final StepUpTarget stepUp;
  private final EndCode endCode;
  private final long version;

  private Challenge(Builder b) {
    this.id = Require.notNull("challengeId", b.id);
    this.workspace = Require.notNull("workspace", b.workspace);
    this.user = Require.notNull("user", b.user);
    this.purpose = Require.notNull("purpose", b.purpose);
    this.selection = Require.notNull("selection", b.selection);
    this.state = Require.notNull("state", b.state);
    this.denialReason = b.denialReason;
    this.duoTransaction = b.duoTransaction;
    this.statusMessage = Require.notNull("statusMessage", b.statusMessage);
    this.verificationCode = b.verificationCode;
    this.settledBy = b.settledBy;
    this.passcodeAttempts = Require.inRange("passcodeAttempts", b.passcodeAttempts, 0, MAX_WRONG_PASSCODES);
    this.createdAt = Require.notNull("createdAt", b.createdAt);
    this.expiresAt = Require.notNull("expiresAt", b.expiresAt);
    this.sessionIssued = b.sessionIssued;
    this.stepUp = b.stepUp;
    this.endCode = b.endCode;
    this.version = b.version;
    if ((purpose == ChallengePurpose.STEP_UP) != (stepUp != null)) {
      throw new InvalidValueException("stepUp", "names the entry and session exactly when the purpose is STEP_UP");
    }
    if ((state == ChallengeState.DENIED) != (denialReason != null)) {
      throw new InvalidValueException("denialReason", "is required exactly when the state is DENIED");
    }
    if (endCode != null && (endCode.state() != state
        || state == ChallengeState.DENIED && denialReason != DenialReason.CANCELLED)) {
      throw new InvalidValueException("endCode", "must match the final state (a cancellation for DENIED)");
    }
    if (!expiresAt.isAfter(createdAt)) {
      throw new InvalidValueException("expiresAt", "must be after createdAt");
    }
    if (sessionIssued && (state != ChallengeState.APPROVED || purpose != ChallengePurpose.UNLOCK)) {
      throw new InvalidValueException("sessionIssued", "only an approved unlock issues a session");
    }
    if (state == ChallengeState.AWAITING_PASSCODE && selection.method().isOutOfBand()) {
      throw new InvalidValueException("state", "push and phone challenges never await a passcode");
    }
    if (state == ChallengeState.PENDING && !selection.method().isOutOfBand()) {
      throw new InvalidValueException("state", "SMS and passcode challenges never wait on Duo");
    }
    if (verificationCode != null && (state != ChallengeState.PENDING || selection.method() != DuoMethod.PUSH)) {
      throw new InvalidValueException("verificationCode", "only a pending push has a verification code");
    }
    if (settledBy != null && (!state.isFinal() || settledBy != DuoMethod.PASSCODE
        || !selection.method().isOutOfBand())) {
      throw new InvalidValueException("settledBy", "only a passcode settles a push or call in its place");
    }
  }

  /**
   * A new challenge: push and phone start {@code PENDING} (Duo's transaction is attached once Duo
   * accepted it); SMS and passcode start {@code AWAITING_PASSCODE}.
   */
  public static Challenge start(ChallengeId id, WorkspaceId workspace, UserName user,
      ChallengePurpose purpose, DeviceSelection selection, StatusMessage message, Instant now,
      Duration lifetime) {
    return new Challenge(start(id, workspace, user, purpose, selection, message, now, lifetime, null));
  }

  private static Builder start(ChallengeId id, WorkspaceId workspace, UserName user,
      ChallengePurpose purpose, DeviceSelection selection, StatusMessage message, Instant now,
      Duration lifetime, StepUpTarget target) {
    Builder b = new Builder();
    b.stepUp = target;
    b.id = id;
    b.workspace = workspace;
    b.user = user;
    b.purpose = purpose;
    b.selection = selection;
    b.state = Require.notNull("selection", selection).method().isOutOfBand()
        ? ChallengeState.PENDING : ChallengeState.AWAITING_PASSCODE;
    b.statusMessage = message;
    b.createdAt = now;
    b.expiresAt = Require.notNull("now", now).plus(Require.notNull("lifetime", lifetime));
    return b;
  }

  /**
   * A new step-up challenge: like {@link #start}, bound to revealing one entry on one workspace
   * session; its approval counts for that entry and session only.
   */
  public static Challenge startStepUp(ChallengeId id, WorkspaceId workspace, UserName user, StepUpTarget target,
      DeviceSelection selection, StatusMessage message, Instant now, Duration lifetime) {
    Builder b = start(id, workspace, user, ChallengePurpose.STEP_UP, selection, message, now, lifetime, target);
    return new Challenge(b);
  }

  /** Rebuilds a stored challenge that has no verification code and was settled by its own method. */
  public static Challenge restore(ChallengeId id, WorkspaceId workspace, UserName user,
      ChallengePurpose purpose, DeviceSelection selection, ChallengeState state,
      Optional<DenialReason> denialReason, Optional<DuoTransactionId> duoTransaction,
      StatusMessage statusMessage, int passcodeAttempts, Instant createdAt, Instant expiresAt,
      boolean sessionIssued, long version) {
    return restore(id, workspace, user, purpose, selection, state, denialReason, duoTransaction, statusMessage,
        Optional.empty(), Optional.empty(), passcodeAttempts, createdAt, expiresAt, sessionIssued, version);
  }

  /** Rebuilds a stored challenge that is not a step-up; the invariants are checked again. */
  public static Challenge restore(ChallengeId id, WorkspaceId workspace, UserName user,
      ChallengePurpose purpose, DeviceSelection selection, ChallengeState state,
      Optional<DenialReason> denialReason, Optional<DuoTransactionId> duoTransaction,
      StatusMessage statusMessage, Optional<VerificationCode> verificationCode, Optional<DuoMethod> settledBy,
      int passcodeAttempts, Instant createdAt, Instant expiresAt, boolean sessionIssued, long version) {
    return restore(id, workspace, user, purpose, selection, state, denialReason, duoTransaction, statusMessage,
        verificationCode, settledBy, passcodeAttempts, createdAt, expiresAt, sessionIssued, Optional.empty(), version);
  }

  /** Rebuilds a stored challenge, a step-up with its target, that Gatehouse did not end itself. */
  public static Challenge restore(ChallengeId id, WorkspaceId workspace, UserName user,
      ChallengePurpose purpose, DeviceSelection selection, ChallengeState state,
      Optional<DenialReason> denialReason, Optional<DuoTransactionId> duoTransaction,
      StatusMessage statusMessage, Optional<VerificationCode> verificationCode, Optional<DuoMethod> settledBy,
      int passcodeAttempts, Instant createdAt, Instant expiresAt, boolean sessionIssued,
      Optional<StepUpTarget> stepUp, long version) {
    return restore(id, workspace, user, purpose, selection, state, denialReason, duoTransaction, statusMessage,
        verificationCode, settledBy, passcodeAttempts, createdAt, expiresAt, sessionIssued, stepUp,
        Optional.empty(), version);
  }

  /**
   * Rebuilds a stored challenge with everything it may carry (a step-up's target, how Gatehouse
   * ended it); the invariants are checked again.
   */
  public static Challenge restore(ChallengeId id, WorkspaceId workspace, UserName user,
      ChallengePurpose purpose, DeviceSelection selection, ChallengeState state,
      Optional<DenialReason> denialReason, Optional<DuoTransactionId> duoTransaction,
      StatusMessage statusMessage, Optional<VerificationCode> verificationCode, Optional<DuoMethod> settledBy,
      int passcodeAttempts, Instant createdAt, Instant expiresAt, boolean sessionIssued,
      Optional<StepUpTarget> stepUp, Optional<EndCode> endCode, long version) {
    Builder b = new Builder();
    b.endCode = endCode.orElse(null);
    b.stepUp = stepUp.orElse(null);
    b.verificationCode = verificationCode.orElse(null);
    b.settledBy = settledBy.orElse(null);
    b.id = id;
    b.workspace = workspace;
    b.user = user;
    b.purpose = purpose;
    b.selection = selection;
    b.state = state;
    b.denialReason = denialReason.orElse(null);
    b.duoTransaction = duoTransaction.orElse(null);
    b.statusMessage = statusMessage;
    b.passcodeAttempts = passcodeAttempts;
    b.createdAt = createdAt;
    b.expiresAt = expiresAt;
    b.sessionIssued = sessionIssued;
    b.version = version;
    return new Challenge(b);
  }

  /** Duo accepted the push or call and named its transaction. */
  public Challenge attachTransaction(DuoTransactionId txid, StatusMessage message) {
    if (state != ChallengeState.PENDING || duoTransaction != null) {
      throw illegal("attach a Duo transaction");
    }
    Builder b = copy();
    b.duoTransaction = Require.notNull("txid", txid);
    b.statusMessage = Require.notNull("statusMessage", message);
    return new Challenge(b);
  }

  /**
   * Duo's latest word on an open challenge: a push still waiting ("Pushed a login request to your
   * device..."), or an SMS batch sent ("New SMS passcodes sent.").
   */
  public Challenge progress(StatusMessage message) {
    return progress(message, Optional.empty());
  }

  /**
   * Duo's latest word on a pending Verified Duo Push, with the code the member must type into Duo
   * Mobile; a message without a code keeps the code already known.
   */
  public Challenge progress(StatusMessage message, Optional<VerificationCode> code) {
    requireOpen("record progress");
    Builder b = copy();
    b.statusMessage = Require.notNull("statusMessage", message);
    code.ifPresent(c -> {
      if (state != ChallengeState.PENDING || selection.method() != DuoMethod.PUSH) {
        throw illegal("show a verification code");
      }
      b.verificationCode = c;
    });
    return new Challenge(b);
  }

  public Challenge approve(StatusMessage message) {
    requireOpen("approve");
    Builder b = settled();
    b.state = ChallengeState.APPROVED;
    b.statusMessage = Require.notNull("statusMessage", message);
    return new Challenge(b);
  }

  /**
   * Duo accepted a passcode typed for this challenge. Its reserved attempt is given back, so only
   * wrong passcodes count against the limit. For a push or call still waiting, the passcode
   * settles it in their place: the push or call is superseded and no longer counts.
   */
  public Challenge approveByPasscode(StatusMessage message) {
    Builder b = approve(message).copy();
    b.passcodeAttempts = Math.max(0, passcodeAttempts - 1);
    if (selection.method().isOutOfBand()) {
      b.settledBy = DuoMethod.PASSCODE;
    }
    return new Challenge(b);
  }

  public Challenge deny(DenialReason reason, StatusMessage message) {
    requireOpen("deny");
    Builder b = settled();
    b.state = ChallengeState.DENIED;
    b.denialReason = Require.notNull("reason", reason);
    b.statusMessage = Require.notNull("statusMessage", message);
    return new Challenge(b);
  }

  /**
   * Counts a passcode before Duo verifies it, so that concurrent submissions cannot outrun the
   * limit: at most {@link #MAX_WRONG_PASSCODES} are ever counted on one challenge.
   */
  public Challenge reservePasscodeAttempt() {
    if (!acceptsPasscode() || !hasPasscodeAttemptLeft()) {
      throw illegal("reserve a passcode attempt");
    }
    Builder b = copy();
    b.passcodeAttempts = passcodeAttempts + 1;
    return new Challenge(b);
  }

  /**
   * A reserved passcode was wrong: it stays counted, and once every attempt is counted the
   * challenge is denied.
   */
  public Challenge rejectPasscode(StatusMessage message) {
    if (!acceptsPasscode() || passcodeAttempts == 0) {
      throw illegal("reject a passcode");
    }
    Builder b = copy();
    b.statusMessage = Require.notNull("statusMessage", message);
    if (passcodeAttempts >= MAX_WRONG_PASSCODES) {
      b = settled();
      b.statusMessage = message;
      b.state = ChallengeState.DENIED;
      b.denialReason = DenialReason.TOO_MANY_PASSCODES;
      if (selection.method().isOutOfBand()) {
        b.settledBy = DuoMethod.PASSCODE;
      }
    }
    return new Challenge(b);
  }

  /**
   * Whether a typed passcode may settle this challenge: one awaiting a passcode, and a push or
   * call still waiting on Duo (push or passcode, whichever comes first).
   */
  public boolean acceptsPasscode() {
    return state == ChallengeState.AWAITING_PASSCODE || state == ChallengeState.PENDING;
  }

  /** The member cancelled it. */
  public Challenge cancel() {
    return cancel(EndCode.CANCELLED);
  }

  /**
   * Gatehouse cancels it ({@code DENIED}, {@code CANCELLED}) for the reason given, one whose state is
   * {@code DENIED}: the member cancelled it, a newer request superseded it, the member was removed.
   */
  public Challenge cancel(EndCode why) {
    requireEnd(why, ChallengeState.DENIED);
    Builder b = deny(DenialReason.CANCELLED, StatusMessage.NONE).copy();
    b.endCode = why;
    return new Challenge(b);
  }

  /**
   * Duo became unusable after the challenge started, or gave an answer Gatehouse cannot use; the
   * member may try again. {@code why} is a code whose state is {@code FAILED}; {@code detail} is the
   * gateway's report or Duo's own message, if any.
   */
  public Challenge fail(EndCode why, StatusMessage detail) {
    requireEnd(why, ChallengeState.FAILED);
    requireOpen("fail");
    Builder b = settled();
    b.state = ChallengeState.FAILED;
    b.statusMessage = Require.notNull("statusMessage", detail);
    b.endCode = why;
    return new Challenge(b);
  }

  private static void requireEnd(EndCode why, ChallengeState state) {
    if (Require.notNull("endCode", why).state() != state) {
      throw new InvalidValueException("endCode", why.wireName() + " does not end a challenge " + state);
    }
  }

  /** Nobody answered in time. Only an open challenge past its expiry can expire. */
  public Challenge expire(Instant now) {
    requireOpen("expire");
    if (!isDue(now)) {
      throw illegal("expire before " + expiresAt);
    }
    Builder b = settled();
    b.state = ChallengeState.EXPIRED;
    b.statusMessage = StatusMessage.NONE;
    b.endCode = EndCode.EXPIRED;
    return new Challenge(b);
  }

  /** The session for this approved unlock was handed to its owner; it is handed out only once. */
  public Challenge markSessionIssued() {
    if (!canIssueSession()) {
      throw illegal("issue a session");
    }
    Builder b = copy();
    b.sessionIssued = true;
    return new Challenge(b);
  }

  public boolean canIssueSession() {
    return state == ChallengeState.APPROVED && purpose == ChallengePurpose.UNLOCK && !sessionIssued;
  }

  /**
   * A push or call whose Duo transaction was never recorded this long after it started: the
   * start was interrupted (e.g. storage failed after Duo accepted it), so no answer can ever reach it.
   */
  public boolean isStranded(Instant now) {
    return state == ChallengeState.PENDING && duoTransaction == null
        && !now.isBefore(createdAt.plus(STRANDED_AFTER));
  }

  public boolean isDue(Instant now) {
    return !state.isFinal() && !now.isBefore(expiresAt);
  }

  public boolean isOwnedBy(UserName candidate) {
    return user.equals(candidate);
  }

  /** Passcode attempts neither used nor being verified. */
  public int remainingPasscodeAttempts() {
    return MAX_WRONG_PASSCODES - passcodeAttempts;
  }

  public boolean hasPasscodeAttemptLeft() {
    return passcodeAttempts < MAX_WRONG_PASSCODES;
  }

  private void requireOpen(String change) {
    if (state.isFinal()) {
      throw illegal(change);
    }
  }

  private IllegalTransitionException illegal(String change) {
    return new IllegalTransitionException("Challenge", state, change);
  }

  /** A copy for a final state: a verification code means nothing once the push is over. */
  private Builder settled() {
    Builder b = copy();
    b.verificationCode = null;
    return b;
  }

  private Builder copy() {
    Builder b = new Builder();
    b.stepUp = stepUp;
    b.endCode = endCode;
    b.verificationCode = verificationCode;
    b.settledBy = settledBy;
    b.id = id;
    b.workspace = workspace;
    b.user = user;
    b.purpose = purpose;
    b.selection = selection;
    b.state = state;
    b.denialReason = denialReason;
    b.duoTransaction = duoTransaction;
    b.statusMessage = statusMessage;
    b.passcodeAttempts = passcodeAttempts;
    b.createdAt = createdAt;
    b.expiresAt = expiresAt;
    b.sessionIssued = sessionIssued;
    b.version = version;
    return b;
  }

  public ChallengeId id() {
    return id;
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public UserName user() {
    return user;
  }

  public ChallengePurpose purpose() {
    return purpose;
  }

  public DeviceSelection selection() {
    return selection;
  }

  public ChallengeState state() {
    return state;
  }

  public Optional<DenialReason> denialReason() {
    return Optional.ofNullable(denialReason);
  }

  public Optional<DuoTransactionId> duoTransaction() {
    return Optional.ofNullable(duoTransaction);
  }

  /** Duo's own message, or with an {@link #endCode()} the gateway's report or Duo's message behind it. */
  public StatusMessage statusMessage() {
    return statusMessage;
  }

  /** How Gatehouse itself ended it, if it did; empty while open or when Duo settled it. */
  public Optional<EndCode> endCode() {
    return Optional.ofNullable(endCode);
  }

  /** The code to type into Duo Mobile while a Verified Duo Push waits. */
  public Optional<VerificationCode> verificationCode() {
    return Optional.ofNullable(verificationCode);
  }

  /**
   * The method that settled the challenge: its own, or {@link DuoMethod#PASSCODE} when a passcode
   * typed while a push or call waited decided it.
   */
  public DuoMethod settledBy() {
    return settledBy == null ? selection.method() : settledBy;
  }

  /** Whether a passcode settled this push or call in its place. */
  public boolean supersededByPasscode() {
    return settledBy != null;
  }

  /** Passcodes counted against this challenge: the wrong ones and those Duo is verifying. */
  public int passcodeAttempts() {
    return passcodeAttempts;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean sessionIssued() {
    return sessionIssued;
  }

  /** For a step-up: the entry and session its approval counts for. */
  public Optional<StepUpTarget> stepUp() {
    return Optional.ofNullable(stepUp);
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Challenge other && id.equals(other.id) && version == other.version
        && state == other.state && Objects.equals(denialReason, other.denialReason)
        && Objects.equals(duoTransaction, other.duoTransaction)
        && statusMessage.equals(other.statusMessage) && Objects.equals(verificationCode, other.verificationCode)
        && settledBy == other.settledBy && passcodeAttempts == other.passcodeAttempts
        && sessionIssued == other.sessionIssued && Objects.equals(stepUp, other.stepUp)
        && endCode == other.endCode
        && workspace.equals(other.workspace)
        && user.equals(other.user) && purpose == other.purpose && selection.equals(other.selection)
        && createdAt.equals(other.createdAt) && expiresAt.equals(other.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, state);
  }

  @Override
  public String toString() {
    return "Challenge[" + purpose + " " + state + (denialReason == null ? "" : "(" + denialReason + ")")
        + ", " + user + "@" + workspace + ", " + selection.method() + "]";
  }

  private static final class Builder {
    private ChallengeId id;
    private WorkspaceId workspace;
    private UserName user;
    private ChallengePurpose purpose;
    private DeviceSelection selection;
    private ChallengeState state;
    private DenialReason denialReason;
    private DuoTransactionId duoTransaction;
    private StatusMessage statusMessage;
    private VerificationCode verificationCode;
    private DuoMethod settledBy;
    private int passcodeAttempts;
    private Instant createdAt;
    private Instant expiresAt;
    private boolean sessionIssued;
    private StepUpTarget stepUp;
    private EndCode endCode;
    private long version;
  }
}
