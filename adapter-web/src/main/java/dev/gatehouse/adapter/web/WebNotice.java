package dev.gatehouse.adapter.web;

import java.util.Arrays;
import java.util.Optional;

/** The fixed notices a redirect may name in its query ({@code ?notice=closed}); nothing a request sends is echoed. */
enum WebNotice {
  EXPIRED("expired", "Your session expired. Sign in again."),
  SIGNED_OUT("signed-out", "Signed out. Workspaces you opened here are closed."),
  CLOSED("closed", "Workspace closed."),
  OPEN_FIRST("open-first", "Open the workspace first: its session is missing, expired, closed or revoked."),
  SAVED("saved", "Saved."),
  MFA_DISABLED("mfa-disabled", "The workspace no longer asks for a second factor."),
  MEMBER_SAVED("member-saved", "Member saved."),
  MEMBER_REMOVED("member-removed", "Member removed."),
  SUSPENSION_CLEARED("cleared", "Suspension cleared."),
  NOTHING_TO_CLEAR("nothing-to-clear", "That member was not suspended."),
  REVOKED("revoked", "Session revoked."),
  CANCELLED("cancelled", "Request cancelled.");

  private final String code;
  private final String text;

  WebNotice(String code, String text) {
    this.code = code;
    this.text = text;
  }

  String code() {
    return code;
  }

  static Optional<String> text(String code) {
    return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst().map(n -> n.text);
  }
}
