package dev.gatehouse.application.port.in;

/**
 * Security-relevant administration of a Duo workspace, or minting an API token, needs the acting
 * user's own fresh Duo approval and there is none: opening a workspace with Duo, then trying again
 * soon, is the way forward. The message names the action, the workspace and that fix.
 */
public class StepUpRequiredException extends AccessDeniedException {
  public StepUpRequiredException(String message) {
    super(message);
  }
}
