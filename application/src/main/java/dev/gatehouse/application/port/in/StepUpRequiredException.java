package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.Optional;

/**
 * Security-relevant administration of a Duo workspace, or minting an API token, needs the acting
 * user's own fresh Duo approval and there is none: opening a workspace with Duo (that one, when
 * {@link #workspace()} names it; else any of theirs), then trying again within {@link #maxAge()}, is
 * the way forward. It carries the facts (the action, the member it concerns, the workspace); each
 * face words them. The message states the same facts as codes, for logs.
 */
public class StepUpRequiredException extends AccessDeniedException {
  private final StepUpAction action;
  private final Optional<UserName> member;
  private final Optional<WorkspaceName> workspace;
  private final Duration maxAge;

  public StepUpRequiredException(StepUpAction action, Optional<UserName> member, Optional<WorkspaceName> workspace,
      Duration maxAge) {
    super(facts(action, member, workspace, maxAge));
    this.action = action;
    this.member = member;
    this.workspace = workspace;
    this.maxAge = maxAge;
  }

  /**
   * The facts in the words of the audit trail, e.g. {@code clear_suspension of alice in workspace
   * servers (no own Duo approval within PT5M)}.
   */
  public static String facts(StepUpAction action, Optional<UserName> member, Optional<WorkspaceName> workspace,
      Duration maxAge) {
    return Require.notNull("action", action).wireName()
        + Require.notNull("member", member).map(m -> " of " + m).orElse("")
        + Require.notNull("workspace", workspace).map(w -> " in workspace " + w).orElse("")
        + " (no own Duo approval within " + Require.notNull("maxAge", maxAge) + ")";
  }

  public StepUpAction action() {
    return action;
  }

  /** The member the action concerns (whose suspension is cleared), if any. */
  public Optional<UserName> member() {
    return member;
  }

  /** The workspace whose fresh approval counts; empty when an approval in any of the user's workspaces does. */
  public Optional<WorkspaceName> workspace() {
    return workspace;
  }

  /** How old the approval may be. */
  public Duration maxAge() {
    return maxAge;
  }
}
