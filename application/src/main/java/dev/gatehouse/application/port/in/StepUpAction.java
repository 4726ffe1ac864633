package dev.gatehouse.application.port.in;

import java.util.Locale;

/** An action that needs the acting user's own fresh Duo approval (a step-up). */
public enum StepUpAction {
  /** Removing a Duo workspace's MFA. */
  REMOVE_MFA,
  /** Switching a Duo workspace's failmode from secure to safe. */
  SWITCH_FAILMODE_TO_SAFE,
  /** Changing a Duo workspace's Duo application (API hostname, integration key or secret key). */
  CHANGE_DUO_APPLICATION,
  /** Clearing a member's fraud suspension. */
  CLEAR_SUSPENSION,
  /** A user issuing an API token for themselves. */
  ISSUE_API_TOKEN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
