package dev.gatehouse.application.service.common;

import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.User;
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
   * Requires the actor's fresh Duo approval for this workspace before the action (worded like
   * "removing MFA"); throws {@link StepUpRequiredException} without one.
   */
  public void require(User actor, Workspace workspace, String action) {
    Instant now = clock.instant();
    if (isFresh(Transactions.read(() -> sessions.findLatestDuoApproved(workspace.id(), actor.name())), now)) {
      return;
    }
    String name = workspace.name().value();
    refuse(AuditEvent.of(AuditEventType.ACCESS_DENIED, now).actor(actor.name()).workspace(workspace.name()),
        action + " in workspace " + name + " needs your own Duo approval from the last " + minutes()
            + ": open workspace " + name + " with Duo, then try again within " + minutes());
  }

  /**
   * Requires the actor's fresh Duo approval in any workspace before the action; throws
   * {@link StepUpRequiredException} without one.
   */
  public void requireAnywhere(User actor, String action) {
    Instant now = clock.instant();
    if (isFresh(Transactions.read(() -> sessions.findLatestDuoApprovedOf(actor.name())), now)) {
      return;
    }
    refuse(AuditEvent.of(AuditEventType.ACCESS_DENIED, now).actor(actor.name()),
        action + " needs your own Duo approval from the last " + minutes()
            + ": open one of your workspaces with Duo, then try again within " + minutes());
  }

  private static boolean isFresh(Optional<WorkspaceSession> latest, Instant now) {
    Instant since = now.minus(MAX_AGE);
    return latest.filter(s -> !s.isRevoked() && s.createdAt().isAfter(since)).isPresent();
  }

  private void refuse(AuditEvent.Builder event, String message) {
    transactions.write(() -> audit.append(event.outcome("step_up_required").detail(message).build()));
    throw new StepUpRequiredException(message);
  }

  private static String minutes() {
    return MAX_AGE.toMinutes() + " minutes";
  }
}
