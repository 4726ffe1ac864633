package dev.gatehouse.adapter.web;

import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.session.GrantKind;

/**
 * The sentences people read for Gatehouse's codes: denials, Duo problems, how Gatehouse ended a
 * challenge, a missing step-up, methods and grants.
 */
final class WebText {
  private WebText() {}

  static String method(DuoMethod method) {
    return switch (method) {
      case PUSH -> "Duo Push";
      case SMS -> "Send SMS";
      case PHONE -> "Phone call";
      case PASSCODE -> "Passcode";
    };
  }

  static String reason(DenialReason reason) {
    return switch (reason) {
      case DENIED -> "The request was denied.";
      case FRAUD -> "The request was reported as fraud. Access is suspended until an administrator clears it.";
      case TIMEOUT -> "The request timed out without an answer.";
      case LOCKED_OUT -> "Duo has locked this account out.";
      case SUSPENDED -> "Access is suspended after a fraud report until an administrator clears it.";
      case TOO_MANY_PASSCODES -> "Too many wrong passcodes. Try again later.";
      case CANCELLED -> "The request was cancelled.";
    };
  }

  /** How Gatehouse ended a challenge, as the console's headline for it. */
  static String ended(EndCode code) {
    return switch (code) {
      case SUPERSEDED -> "Cancelled: a newer request replaced this one.";
      case CANCELLED -> "Denied. The request was cancelled.";
      case MEMBER_REMOVED -> "Cancelled: you were removed from the workspace.";
      case EXPIRED -> "The request expired without an answer.";
      case INTERRUPTED -> "The request to Duo was interrupted. Try again.";
      case PASSCODE_UNANSWERED -> "Duo gave no final answer to the passcode. Try again.";
      case DUO_NOT_CONFIGURED -> "Duo is no longer configured for this workspace; the request failed.";
      case DUO_UNAVAILABLE -> "Duo became unavailable; the request failed.";
      case DUO_RATE_LIMITED -> "Duo is rate limiting requests; the request failed. Try again later.";
      case DUO_CREDENTIALS_REJECTED -> "Duo rejected the integration key or secret key; the request failed.";
      case DUO_INTEGRATION_FORBIDDEN -> "This integration is not an Auth API application; the request failed.";
      case DUO_REQUEST_REJECTED -> "Duo refused the request; it failed.";
      case DUO_LOCAL_CONFIGURATION -> "Gatehouse cannot use its own settings for Duo (CA file); the request failed.";
    };
  }

  /** A missing fresh approval, as a sentence: the action, where the approval must come from and how old it may be. */
  static String stepUpRequired(StepUpRequiredException e) {
    String minutes = e.maxAge().toMinutes() + " minutes";
    String action = switch (e.action()) {
      case REMOVE_MFA -> "Removing MFA";
      case SWITCH_FAILMODE_TO_SAFE -> "Switching failmode to safe";
      case CHANGE_DUO_APPLICATION -> "Changing the Duo application";
      case CLEAR_SUSPENSION -> "Clearing the suspension" + e.member().map(m -> " of " + m).orElse("");
      case ISSUE_API_TOKEN -> "Issuing an API token";
    };
    return e.workspace()
        .map(w -> action + " in workspace " + w + " needs your own Duo approval from the last " + minutes
            + ": open workspace " + w + " with Duo, then try again within " + minutes + ".")
        .orElse(action + " needs your own Duo approval from the last " + minutes
            + ": open one of your workspaces with Duo, then try again within " + minutes + ".");
  }

  /** A refusal: Duo's problem with the gateway's report, or the code's sentence and Duo's own message. */
  static String denial(Denial denial) {
    if (denial.problem().isPresent()) {
      return problem(denial.problem().get(), denial.detail().value());
    }
    String text = code(denial.code());
    return denial.detail().isEmpty() ? text : text + " Duo says: " + denial.detail().value();
  }

  static String code(DenialCode code) {
    return switch (code) {
      case DUO_DENIED -> "Duo denied access.";
      case ENROLLMENT_REQUIRED -> "You are not enrolled in Duo yet. Enroll a device first.";
      case NO_ACTIVE_DEVICE -> "Choose and verify a device in Duo - Settings first.";
      case DEVICE_NOT_AVAILABLE -> "Your chosen device is no longer available for that method. Choose again in Duo - Settings.";
      case DEVICE_REQUIRED -> "Several of your devices can do that method. Choose one in Duo - Settings.";
      case DUO_BYPASS_USER -> "Duo lets you in without a second factor, so there is no device to verify.";
      case CHALLENGE_PENDING -> "Another request to your device is still waiting. Answer or cancel it first.";
      case COOLDOWN -> "A request was denied moments ago. Wait a little before trying again.";
      case LOCKED_OUT -> "Too many wrong passcodes: temporarily locked.";
      case SUSPENDED -> "Access is suspended after a fraud report until an administrator clears it.";
      case DUO_UNAVAILABLE -> "Duo cannot be reached, and this workspace fails secure.";
      case DUO_RATE_LIMITED -> "Duo is rate limiting requests. Try again later.";
      case DUO_MISCONFIGURED -> "Duo refused this workspace's settings. An administrator must fix them.";
      case DUO_REQUEST_REJECTED -> "Duo refused the request.";
    };
  }

  static String problem(SecondFactorProblem problem, String detail) {
    String text = switch (problem) {
      case NOT_CONFIGURED -> "Duo is not configured for this workspace.";
      case UNAVAILABLE -> "Duo could not be reached.";
      case RATE_LIMITED -> "Duo is rate limiting requests.";
      case CREDENTIALS_REJECTED -> "Duo rejected the integration key or secret key.";
      case INTEGRATION_FORBIDDEN -> "This integration is not an Auth API application.";
      case LOCAL_CONFIGURATION -> "Gatehouse cannot use its own settings for Duo (CA file); an operator must fix them.";
      case REQUEST_REJECTED -> "Duo refused the request.";
    };
    return detail == null || detail.isBlank() ? text : text + " (" + detail.strip() + ")";
  }

  static int status(SecondFactorProblem problem) {
    return switch (problem) {
      case NOT_CONFIGURED -> 409;
      case UNAVAILABLE, RATE_LIMITED -> 503;
      case CREDENTIALS_REJECTED, INTEGRATION_FORBIDDEN, REQUEST_REJECTED -> 502;
      case LOCAL_CONFIGURATION -> 503;
    };
  }

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

  /** An instant as people read it here: UTC, to the second. */
  static String time(java.time.Instant instant) {
    return TIME.format(instant);
  }

  static String grant(GrantKind kind) {
    return switch (kind) {
      case NO_MFA -> "no second factor";
      case DUO_APPROVED -> "Duo approved";
      case DUO_BYPASS -> "Duo bypass";
      case FAILSAFE -> "Duo unavailable, fail safe";
      case REMEMBERED -> "remembered approval";
    };
  }
}
