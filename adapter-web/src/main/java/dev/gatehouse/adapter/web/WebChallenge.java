package dev.gatehouse.adapter.web;

import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.util.Optional;

/**
 * A challenge as the console shows it: what is happening in a sentence (how Gatehouse ended it, if
 * it did), Duo's message or the report of what failed, the code
 * of a waiting Verified Duo Push (empty if none), and what can be done next.
 */
record WebChallenge(String id, String workspace, boolean verifying, String method, ChallengeState state,
    String headline, String duoMessage, int remainingPasscodeAttempts, String verificationCode, String next) {

  static WebChallenge from(ChallengeView view) {
    boolean verifying = view.purpose() == ChallengePurpose.VERIFY_DEVICE;
    DuoMethod method = view.selection().method();
    String workspace = view.workspace().value();
    String next = verifying ? "/workspaces/" + WebLink.segment(workspace) + "/duo"
        : "/workspaces/" + WebLink.segment(workspace) + "/entries";
    return new WebChallenge(view.id().value(), workspace, verifying, WebText.method(method), view.state(),
        headline(view, verifying, method), view.message().value(), view.remainingPasscodeAttempts(),
        view.verificationCode().filter(code -> view.state() == ChallengeState.PENDING).map(VerificationCode::value)
            .orElse(""), next);
  }

  private static String headline(ChallengeView view, boolean verifying, DuoMethod method) {
    if (view.endCode().isPresent()) {
      return WebText.ended(view.endCode().get());
    }
    return switch (view.state()) {
      case PENDING -> method == DuoMethod.PHONE ? "Calling your phone..." : "Pushed a login request to your device...";
      case AWAITING_PASSCODE -> method == DuoMethod.SMS ? "Sent SMS passcodes to your phone. Type one below."
          : "Type a passcode from Duo Mobile or your token.";
      case APPROVED -> verifying ? "Approved. This device is now active for the workspace."
          : view.purpose() == ChallengePurpose.STEP_UP ? "Approved. Reveal the entry again now."
          : "Approved. The workspace is open.";
      case DENIED -> "Denied. " + view.denialReason().map(WebText::reason).orElse("");
      case EXPIRED -> "The request expired without an answer.";
      case FAILED -> "Duo became unavailable; the request failed.";
    };
  }

  boolean waiting() {
    return state == ChallengeState.PENDING;
  }

  boolean awaitingPasscode() {
    return state == ChallengeState.AWAITING_PASSCODE;
  }

  /** Whether a passcode may be typed now: one is awaited, or a push or call still waits (whichever comes first). */
  boolean acceptsPasscode() {
    return waiting() || awaitingPasscode();
  }

  /** Whether a Verified Duo Push waits for its code to be typed into Duo Mobile. */
  boolean showsVerificationCode() {
    return waiting() && !verificationCode.isEmpty();
  }

  boolean approved() {
    return state == ChallengeState.APPROVED;
  }

  boolean finished() {
    return state.isFinal();
  }

  boolean failed() {
    return state.isFinal() && state != ChallengeState.APPROVED;
  }

  String statusHref() {
    return "/challenges/" + WebLink.segment(id) + "/status";
  }

  String href() {
    return "/challenges/" + WebLink.segment(id);
  }

  /** Duo's message when it says more than the headline (and more than the verification code shown beside it). */
  Optional<String> duoMessageShown() {
    return duoMessage.isBlank() || duoMessage.equals(headline) || showsVerificationCode()
        ? Optional.empty() : Optional.of(duoMessage);
  }
}
