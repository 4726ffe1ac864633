package dev.gatehouse.application.service.common;

import dev.gatehouse.application.port.in.StepUpAction;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The step-up rule for security-relevant administration and token minting, in one place: the
 * acting user's own Duo approval counts when it opened a workspace session (granted
 * {@code DUO_APPROVED}, neither closed nor revoked) within the last {@link #MAX_AGE}. A
 * remembered, bypassed, failmode-safe or MFA-less session never counts, so an API token alone
 * cannot weaken a Duo workspace nor mint further tokens unattended. A refusal is audited as
 * {@code ACCESS_DENIED} ({@code step_up_required}) and thrown as {@link StepUpRequiredException}.
 * It is wired once and handed to the use cases that need it.
 */
public final class FreshApproval {
  /** How old a Duo approval may be to allow a step-up action. */
  public static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final WorkspaceSessionRepository sessions;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public FreshApproval(WorkspaceSessionRepository sessions, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  /**
   * Requires the actor's fresh Duo approval for this workspace before the action; throws
   * {@link StepUpRequiredException} without one.
   */
  public void require(User actor, Workspace workspace, StepUpAction action) {
    require(actor, workspace, action, Optional.empty());
  }

  /**
   * Requires the actor's fresh Duo approval for this workspace before the action concerning a
   * member (clearing their suspension); throws {@link StepUpRequiredException} without one.
   */
  public void require(User actor, Workspace workspace, StepUpAction action, UserName member) {
    require(actor, workspace, action, Optional.of(member));
  }

  private void require(User actor, Workspace workspace, StepUpAction action, Optional<UserName> member) {
    Instant now = clock.instant();
    if (isFresh(Transactions.read(() -> sessions.findLatestDuoApproved(workspace.id(), actor.name())), now)) {
      return;
    }
    refuse(AuditEvent.of(AuditEventType.ACCESS_DENIED, now).actor(actor.name()).workspace(workspace.name()),
        new StepUpRequiredException(action, member, Optional.of(workspace.name()), MAX_AGE));
  }

  /**
   * Requires the actor's fresh Duo approval in any workspace before the action; throws
   * {@link StepUpRequiredException} without one.
   */
  public void requireAnywhere(User actor, StepUpAction action) {
    Instant now = clock.instant();
    if (isFresh(Transactions.read(() -> sessions.findLatestDuoApprovedOf(actor.name())), now)) {
      return;
    }
    refuse(AuditEvent.of(AuditEventType.ACCESS_DENIED, now).actor(actor.name()),
        new StepUpRequiredException(action, Optional.empty(), Optional.empty(), MAX_AGE));
  }

  private static boolean isFresh(Optional<WorkspaceSession> latest, Instant now) {
    Instant since = now.minus(MAX_AGE);
    return latest.filter(s -> !s.isRevoked() && s.createdAt().isAfter(since)).isPresent();
  }

  /** Audits the refusal by its facts, then throws it. */
  private void refuse(AuditEvent.Builder event, StepUpRequiredException refusal) {
    transactions.write(() -> audit.append(event.outcome("step_up_required").detail(refusal.getMessage()).build()));
    throw refusal;
  }
}
