package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.readiness.MemberReadiness;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.util.stream.Collectors;

/**
 * The command line's words for Gatehouse's codes: one message per refusal code (with its facts and
 * Duo's own message), a missing step-up, how Gatehouse ended a challenge, and what a challenge says
 * while Duo has said nothing about it.
 */
final class CliText {
  private CliText() {}

  /** A refusal in one line: the code's message, its facts, then Duo's message or report. */
  static String denial(Denial denial) {
    String method = denial.method().map(DuoMethod::wireName).orElse("the method");
    String text = switch (denial.code()) {
      case DUO_DENIED -> "Duo denied access";
      case ENROLLMENT_REQUIRED -> "You are not enrolled in Duo yet";
      case NO_ACTIVE_DEVICE -> "No verified Duo device for this workspace yet; choose one first (duo use-device)";
      case DEVICE_NOT_AVAILABLE -> denial.device()
          .map(device -> "Duo device " + device + " cannot do " + method + " any more; choose a device or method again"
              + (denial.choices().isEmpty() ? "" : " (devices that can: " + ids(denial) + ")"))
          .orElse("none of your Duo devices can do " + method + "; choose another method");
      case DEVICE_REQUIRED -> "several of your Duo devices can do " + method + ", name one: " + denial.choices()
          .stream().map(d -> d.id() + " (" + d.type() + ", " + d.displayName() + ")")
          .collect(Collectors.joining(", "));
      case DUO_BYPASS_USER -> "Duo lets this user in without a second factor, so there is no device to verify";
      case CHALLENGE_PENDING -> "Another Duo request is still waiting; approve, deny or cancel it first";
      case COOLDOWN -> "A request was just denied; wait before sending another";
      case LOCKED_OUT -> "Too many wrong passcodes; try again later";
      case SUSPENDED -> "Access is suspended after a fraud report; an administrator must clear it";
      case DUO_UNAVAILABLE, DUO_RATE_LIMITED, DUO_MISCONFIGURED, DUO_REQUEST_REJECTED ->
          problem(denial.problem().orElse(SecondFactorProblem.UNAVAILABLE));
    };
    return denial.detail().isEmpty() ? text : text + ": " + denial.detail();
  }

  /** A refused step-up (revealing an entry): where it differs, said for a step-up. */
  static String stepUpDenial(Denial denial) {
    return switch (denial.code()) {
      case NO_ACTIVE_DEVICE -> "This entry needs a Duo step-up and you have no verified Duo device for this"
          + " workspace; choose one first (duo use-device)";
      case DUO_BYPASS_USER -> "Duo lets you in without a second factor, so it cannot approve a step-up";
      case DUO_UNAVAILABLE -> denial(denial) + "; a step-up is never skipped, whatever the failmode";
      default -> denial(denial);
    };
  }

  /**
   * Why Duo could not be used, with the facts: what is not configured, or the class's words and the
   * gateway's report.
   */
  static String problem(SecondFactorProblemException e) {
    String facts = e.getMessage() == null ? "" : e.getMessage();
    if (e.problem() == SecondFactorProblem.NOT_CONFIGURED && !facts.isEmpty()) {
      return facts;
    }
    return problem(e.problem(), facts);
  }

  /** A member's readiness reason in words, with its facts: the device choice, the portal, Duo's message or the problem. */
  static String readiness(MemberReadiness m) {
    return switch (m.reason()) {
      case NO_DEVICE_CHOSEN -> "no device chosen in Gatehouse yet: the member must choose one (duo use-device)";
      case DUO_WILL_ASK -> m.activeChoice().map(c -> "Duo will ask on " + c.device() + " by " + c.method().wireName())
          .orElse("Duo will ask");
      case DEVICE_NO_LONGER_LISTED -> m.activeChoice().map(c -> "the chosen device " + c.device()
          + " is no longer listed by Duo for " + c.method().wireName() + ": the member must choose again")
          .orElse("the chosen device is no longer listed by Duo: the member must choose again");
      case BYPASS -> "Duo lets this member in without a second factor (bypass)";
      case NOT_ENROLLED -> "not enrolled in Duo: the member must enroll at " + m.enrollmentUrl().orElse("Duo's portal");
      case DUO_DENIES -> "Duo denies this member: " + m.duoMessage();
      case SUSPENDED -> "suspended after a fraud report: an administrator must clear it";
      case LOCKED_OUT -> "locked out after too many wrong passcodes";
      case NOT_CHECKED -> "could not be checked: "
          + problem(m.problem().orElse(SecondFactorProblem.UNAVAILABLE), m.problemReport());
    };
  }

  /** A Duo problem's class in words, then the gateway's report of it, if any. */
  static String problem(SecondFactorProblem problem, String report) {
    return report.isEmpty() ? problem(problem) : problem(problem) + ": " + report;
  }

  /** Why Duo could not be used. */
  static String problem(SecondFactorProblem problem) {
    return switch (problem) {
      case NOT_CONFIGURED -> "Duo is not configured for this workspace";
      case UNAVAILABLE -> "Duo is unavailable";
      case RATE_LIMITED -> "Duo is rate limiting requests; try again later";
      case CREDENTIALS_REJECTED -> "Duo refused the workspace's credentials";
      case INTEGRATION_FORBIDDEN -> "Duo refused the integration (not an Auth API application)";
      case LOCAL_CONFIGURATION -> "Gatehouse cannot use its own settings for Duo (Duo was not asked)";
      case REQUEST_REJECTED -> "Duo refused the request";
    };
  }

  /**
   * What the challenge says: how Gatehouse ended it (with the gateway's report or Duo's message
   * behind it), Duo's latest message, or while Duo has said nothing, what is happening (a push sent,
   * a call placed, a passcode awaited) or why it was denied.
   */
  static String message(ChallengeView view) {
    if (view.endCode().isPresent()) {
      String ended = ended(view.endCode().get());
      return view.message().isEmpty() ? ended : ended + ": " + view.message().value();
    }
    if (!view.message().isEmpty()) {
      return view.message().value();
    }
    switch (view.state()) {
      case PENDING:
        return view.selection().method() == DuoMethod.PHONE ? "Calling your phone..."
            : "Pushed a login request to your device...";
      case AWAITING_PASSCODE:
        return view.selection().method() == DuoMethod.SMS ? "Sending SMS passcodes..."
            : "Enter a passcode from Duo Mobile, a hardware token or a bypass code";
      case DENIED:
        return view.denialReason().map(CliText::restriction).orElse("");
      default:
        return "";
    }
  }

  /** How Gatehouse ended a challenge. */
  static String ended(EndCode code) {
    return switch (code) {
      case SUPERSEDED -> "Superseded by a newer request";
      case CANCELLED -> "Cancelled";
      case MEMBER_REMOVED -> "Cancelled: the member was removed from the workspace";
      case EXPIRED -> "The request expired";
      case INTERRUPTED -> "The request to Duo was interrupted; try again";
      case PASSCODE_UNANSWERED -> "Duo gave no final answer to the passcode";
      case DUO_NOT_CONFIGURED -> "Duo is no longer configured for this workspace";
      case DUO_UNAVAILABLE -> problem(SecondFactorProblem.UNAVAILABLE);
      case DUO_RATE_LIMITED -> problem(SecondFactorProblem.RATE_LIMITED);
      case DUO_CREDENTIALS_REJECTED -> problem(SecondFactorProblem.CREDENTIALS_REJECTED);
      case DUO_INTEGRATION_FORBIDDEN -> problem(SecondFactorProblem.INTEGRATION_FORBIDDEN);
      case DUO_REQUEST_REJECTED -> problem(SecondFactorProblem.REQUEST_REJECTED);
      case DUO_LOCAL_CONFIGURATION -> problem(SecondFactorProblem.LOCAL_CONFIGURATION);
    };
  }

  /**
   * A missing fresh approval in one line: the action, where the approval must come from and how old
   * it may be.
   */
  static String stepUpRequired(StepUpRequiredException e) {
    String minutes = e.maxAge().toMinutes() + " minutes";
    String action = switch (e.action()) {
      case REMOVE_MFA -> "removing MFA";
      case SWITCH_FAILMODE_TO_SAFE -> "switching failmode to safe";
      case CHANGE_DUO_APPLICATION -> "changing the Duo application";
      case CLEAR_SUSPENSION -> "clearing the suspension" + e.member().map(m -> " of " + m).orElse("");
      case ISSUE_API_TOKEN -> "issuing an API token";
    };
    return e.workspace()
        .map(w -> action + " in workspace " + w + " needs your own Duo approval from the last " + minutes
            + ": open workspace " + w + " with Duo, then try again within " + minutes)
        .orElse(action + " needs your own Duo approval from the last " + minutes
            + ": open one of your workspaces with Duo, then try again within " + minutes);
  }

  /** The restriction that overtook a challenge, in the words of the refusal it causes. */
  private static String restriction(DenialReason reason) {
    return switch (reason) {
      case SUSPENDED -> "Access is suspended after a fraud report; an administrator must clear it";
      case LOCKED_OUT -> "Too many wrong passcodes; try again later";
      default -> "";
    };
  }

  private static String ids(Denial denial) {
    return denial.choices().stream().map(DuoDevice::id).map(Object::toString).collect(Collectors.joining(", "));
  }
}
