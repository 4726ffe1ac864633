package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.SessionRevocation;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ChallengeSignals;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.StepUpTarget;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The life of a Duo challenge, start to end, built once per Gatehouse and handed to every use case
 * that needs it: <b>start</b> (abuse rules, preauth, the stored challenge, the push, call or SMS),
 * <b>follow</b> (one Duo long poll per pending push or call across all processes, under a lease;
 * waiting clients parked until it changes), <b>settle</b> (every state change with its consequences,
 * in one place) and <b>expire</b>. The route of an unlock: face → use case → this → ports.
 */
public final class ChallengeLifecycle implements AutoCloseable {
  /** Duo long polls one follow makes at most before it lets its lease lapse (a gateway must not make it spin). */
  public static final int MAX_POLLS_PER_FOLLOW = ChallengeWatch.MAX_POLLS;
  /** How long starting a Verified Duo Push waits for Duo to name its code. */
  public static final Duration VERIFICATION_CODE_WAIT = ChallengeStarter.VERIFICATION_CODE_WAIT;

  private final ChallengeSettlement settlement;
  private final ChallengeWatch watch;
  private final ChallengeStarter starter;

  public ChallengeLifecycle(ChallengeRepository challenges, UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies, DeviceChoiceRepository choices, AccessGuardRepository guards,
      WorkspaceSessionRepository sessions, AuditLog audit, UnitOfWork unitOfWork, SecondFactorGateway gateway,
      SecureTokenSource tokens, ChallengeSignals signals, Telemetry telemetry, Clock clock,
      String node, int maxPending, double maxHeapShare, Duration leaseTtl, boolean takeOver) {
    Transactions transactions = new Transactions(unitOfWork);
    this.settlement = new ChallengeSettlement(challenges, users, workspaces, policies, choices, guards,
        new SessionIssuer(sessions, tokens, audit, clock), new SessionRevocation(sessions, audit, clock), audit,
        transactions, signals, telemetry, clock);
    this.watch = new ChallengeWatch(challenges, policies, gateway, settlement, signals,
        new ChallengeWatch.Following(node, maxPending, maxHeapShare, leaseTtl, takeOver), clock);
    this.starter = new ChallengeStarter(challenges, guards, gateway, tokens, settlement, watch, audit, transactions,
        clock);
  }

  // ---- start ------------------------------------------------------------------------------------

  /**
   * Starts a challenge with the named device, or without one with the only device Duo lists that
   * can do the method (several refuse, listing them). {@code alongside} gets the selection and runs
   * in the unit of work that stores the challenge, so both are stored or neither.
   */
  public StartOutcome start(User user, Workspace workspace, MfaPolicy.Duo policy, Optional<DeviceId> device,
      DuoMethod method, ChallengePurpose purpose, ClientContext client, Consumer<DeviceSelection> alongside) {
    return starter.start(new ChallengeStarter.StartRequest(user, workspace, policy, device, method, purpose,
        Optional.empty(), client, alongside, Optional.empty()));
  }

  /**
   * Starts an unlock with the member's active device; {@code guard} is the member's access guard as
   * the caller read it for this request (not read again).
   */
  public StartOutcome startUnlock(User user, Workspace workspace, MfaPolicy.Duo policy, DeviceSelection active,
      AccessGuard guard, ClientContext client) {
    return starter.start(new ChallengeStarter.StartRequest(user, workspace, policy, Optional.of(active.device()),
        active.method(), ChallengePurpose.UNLOCK, Optional.empty(), client, selection -> { }, Optional.of(guard)));
  }

  /** Starts a step-up bound to revealing one entry on one session, with the member's active device. */
  public StartOutcome startStepUp(User user, Workspace workspace, MfaPolicy.Duo policy, DeviceSelection active,
      StepUpTarget target, ClientContext client) {
    return starter.start(new ChallengeStarter.StartRequest(user, workspace, policy, Optional.of(active.device()),
        active.method(), ChallengePurpose.STEP_UP, Optional.of(target), client, selection -> { }, Optional.empty()));
  }

  /** Audits a refusal decided by a use case (not by the lifecycle, which audits its own). */
  public void auditDenial(User user, Workspace workspace, ChallengePurpose purpose, Denial denial) {
    starter.auditDenial(user, workspace, purpose, denial);
  }

  // ---- follow -----------------------------------------------------------------------------------

  /** The challenge, if the actor owns it. */
  public Challenge owned(User actor, ChallengeId id) {
    return settlement.owned(actor, id);
  }

  /**
   * Starts listening for changes of a challenge the caller reads next, so that a change made
   * between that read and {@link #awaitChange} is not missed; cancel it if the caller does not wait.
   */
  ChallengeWatch.Listening listen(ChallengeId id, Duration wait) {
    return watch.listen(id, wait);
  }

  /**
   * The challenge (read after {@code listening} began) once it is final, once a Verified Duo Push's
   * code appears or changes, or at the end of the wait; nobody asks Duo on the reader's behalf.
   */
  CompletableFuture<Challenge> awaitChange(Challenge read, ChallengeWatch.Listening listening) {
    return watch.awaitChange(read, listening);
  }

  // ---- settle and expire ------------------------------------------------------------------------

  public Challenge transition(ChallengeId id, UnaryOperator<Challenge> change) {
    return settlement.transition(id, change);
  }

  public Challenge applyPasscode(ChallengeId id, AuthStatus status) {
    return settlement.applyPasscode(id, status);
  }

  public Challenge applyFailure(ChallengeId id, RuntimeException failure) {
    return settlement.applyFailure(id, failure);
  }

  public Challenge expireIfDue(Challenge challenge) {
    return settlement.expireIfDue(challenge);
  }

  /** Cancels the member's open challenges for the workspace; call inside the removing unit of work. */
  public void cancelRemoved(WorkspaceId workspace, UserName user) {
    settlement.cancelRemoved(workspace, user);
  }

  /** Opens the session of the actor's approved unlock, once. */
  public SessionGrant claimSession(User actor, ChallengeId id) {
    return settlement.claimSession(actor, id);
  }

  // ---- views ------------------------------------------------------------------------------------

  public ChallengeView view(Challenge challenge, WorkspaceName workspace) {
    return settlement.view(challenge, workspace);
  }

  public ChallengeView view(Challenge challenge) {
    return settlement.view(challenge);
  }

  /** How many pending pushes and calls this process follows, and how many clients wait on one. */
  public int following() {
    return watch.followingCount();
  }

  public int waiting() {
    return watch.waiting();
  }

  /**
   * Stops following (leases handed back for other processes to take over at once) and answers every
   * waiting client with the challenge as it stands. Call before closing storage.
   */
  @Override
  public void close() {
    watch.close();
  }
}
