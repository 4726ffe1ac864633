package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.challenge.BusyException;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.common.DomainException;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.PrintableText;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.ParameterException;

/**
 * The one place where results and exceptions become an exit code and a one-line message for
 * standard error: 0 done or granted, 1 access denied, 2 invalid usage or input, 3 Duo or
 * configuration problem, 4 storage problem (and 130 interrupted); nothing else. A failure none of
 * these describes is reported as 3 with a plain line, never a Java class name.
 */
final class CliExitCodes {
  /** Long enough for Duo's messages and an enrollment URL, short enough to stay one line. */
  private static final int MAX_MESSAGE = 600;
  /** A (qualified) exception or error class name, with the ": " that usually follows it. */
  private static final Pattern CLASS_NAME = Pattern.compile(
      "\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable)\\b:?");

  private CliExitCodes() {}

  /** An exit code and, unless the command succeeded, the one line to print on standard error. */
  record Exit(ExitCode code, Optional<String> message) {
    static Exit done() {
      return new Exit(ExitCode.DONE, Optional.empty());
    }

    static Exit of(ExitCode code, String message) {
      return new Exit(code, Optional.of(oneLine(message)));
    }

    int value() {
      return code.value();
    }
  }

  /** A reveal: done, a step-up not completed (as it was left), or refused. */
  static Exit forReveal(RevealEntryResult result) {
    if (result instanceof RevealEntryResult.Revealed) {
      return Exit.done();
    }
    if (result instanceof RevealEntryResult.StepUpRequired stepUp) {
      return forChallenge(stepUp.challenge());
    }
    if (result instanceof RevealEntryResult.Denied denied) {
      return forDenial(denied.denial(), CliText.stepUpDenial(denied.denial()));
    }
    throw new IllegalArgumentException("no exit code for " + result.getClass().getName());
  }

  /** How following a challenge on the command line ended; Ctrl-C already said so on standard error. */
  static Exit forEnding(ChallengeProgress.Ending ending) {
    if (ending instanceof ChallengeProgress.Finished finished) {
      return forChallenge(finished.challenge());
    }
    if (ending instanceof ChallengeProgress.Interrupted) {
      return new Exit(ExitCode.INTERRUPTED, Optional.empty());
    }
    throw new IllegalArgumentException("no exit code for " + ending.getClass().getName());
  }

  static Exit forUnlock(UnlockResult result) {
    if (result instanceof UnlockResult.Granted) {
      return Exit.done();
    }
    if (result instanceof UnlockResult.Pending pending) {
      // Only reached when a pending challenge is reported without being followed to its end.
      return forChallenge(pending.challenge());
    }
    if (result instanceof UnlockResult.Denied denied) {
      return forDenial(denied.denial());
    }
    throw new IllegalArgumentException("no exit code for " + result.getClass().getName());
  }

  static Exit forChoice(ChooseDuoDeviceResult result) {
    if (result instanceof ChooseDuoDeviceResult.Verifying verifying) {
      return forChallenge(verifying.challenge());
    }
    if (result instanceof ChooseDuoDeviceResult.Denied denied) {
      // Naming a device or method Duo does not offer is a wrong argument, not a refusal.
      return denied.denial().code() == DenialCode.DEVICE_NOT_AVAILABLE
          || denied.denial().code() == DenialCode.DEVICE_REQUIRED
          ? Exit.of(ExitCode.INVALID_INPUT, CliText.denial(denied.denial()))
          : forDenial(denied.denial());
    }
    throw new IllegalArgumentException("no exit code for " + result.getClass().getName());
  }

  static Exit forConfigure(ConfigureDuoResult result) {
    if (result instanceof ConfigureDuoResult.Configured) {
      return Exit.done();
    }
    if (result instanceof ConfigureDuoResult.CheckFailed failed) {
      return Exit.of(forProblem(failed.failure().problem()),
          "Duo settings not saved: " + CliText.problem(failed.failure().problem(), failed.failure().report()));
    }
    throw new IllegalArgumentException("no exit code for " + result.getClass().getName());
  }

  static Exit forCheck(DuoCheckResult result) {
    if (result instanceof DuoCheckResult.Passed) {
      return Exit.done();
    }
    if (result instanceof DuoCheckResult.Failed failed) {
      return Exit.of(forProblem(failed.problem()), "Duo check failed: " + CliText.problem(failed.problem(),
          failed.report()));
    }
    throw new IllegalArgumentException("no exit code for " + result.getClass().getName());
  }

  static Exit forDevices(DeviceListResult result) {
    if (result instanceof DeviceListResult.Devices || result instanceof DeviceListResult.Bypass) {
      return Exit.done();
    }
    if (result instanceof DeviceListResult.Denied denied) {
      return forDenial(denied.denial());
    }
    throw new IllegalArgumentException("no exit code for " + result.getClass().getName());
  }

  /** A challenge as it ended (or, if it is still open, as it was left). */
  static Exit forChallenge(ChallengeView challenge) {
    ExitCode code = forState(challenge.state());
    if (code == ExitCode.DONE) {
      return Exit.done();
    }
    if (challenge.state() == ChallengeState.AWAITING_PASSCODE && challenge.denialReason().isEmpty()) {
      return Exit.of(code, notAccepted(challenge));
    }
    String why = challenge.denialReason().map(CliExitCodes::describe)
        .orElse(CliWire.words(challenge.state()));
    String text = CliText.message(challenge);
    String message = text.isEmpty() ? why : why + ": " + text;
    return Exit.of(code, message);
  }

  /**
   * A rejected {@code --passcode-stdin} or {@code --passcode}: the challenge stays open (it was not cancelled), so the same
   * command with the right {@code --passcode} answers it while attempts remain.
   */
  private static String notAccepted(ChallengeView challenge) {
    int left = challenge.remainingPasscodeAttempts();
    String duo = challenge.message().isEmpty() ? "" : " (" + challenge.message().value() + ")";
    return "the passcode was not accepted" + duo + "; " + left + (left == 1 ? " attempt" : " attempts")
        + " left: run the command again with the right passcode (--passcode-stdin)";
  }

  static ExitCode forState(ChallengeState state) {
    return switch (state) {
      case APPROVED -> ExitCode.DONE;
      case DENIED, EXPIRED -> ExitCode.ACCESS_DENIED;
      // Still open when the command gave up on it (a rejected --passcode): not granted.
      case PENDING, AWAITING_PASSCODE -> ExitCode.ACCESS_DENIED;
      case FAILED -> ExitCode.DUO_OR_CONFIGURATION;
    };
  }

  static Exit forDenial(Denial denial) {
    return forDenial(denial, CliText.denial(denial));
  }

  private static Exit forDenial(Denial denial, String words) {
    StringBuilder message = new StringBuilder(words);
    denial.enrollmentUrl().ifPresent(url -> message.append("; enroll at ").append(url));
    denial.retryAfter().ifPresent(at -> message.append(" (retry after ").append(at).append(')'));
    return Exit.of(forDenialCode(denial.code()), message.toString());
  }

  static ExitCode forDenialCode(DenialCode code) {
    return switch (code) {
      case DUO_DENIED, ENROLLMENT_REQUIRED, NO_ACTIVE_DEVICE, DEVICE_NOT_AVAILABLE, DUO_BYPASS_USER,
          CHALLENGE_PENDING, COOLDOWN, LOCKED_OUT, SUSPENDED -> ExitCode.ACCESS_DENIED;
      // Several devices could do the method and none was named: the command line is incomplete.
      case DEVICE_REQUIRED -> ExitCode.INVALID_INPUT;
      case DUO_UNAVAILABLE, DUO_RATE_LIMITED, DUO_MISCONFIGURED, DUO_REQUEST_REJECTED ->
          ExitCode.DUO_OR_CONFIGURATION;
    };
  }

  static ExitCode forProblem(SecondFactorProblem problem) {
    return switch (problem) {
      case NOT_CONFIGURED, UNAVAILABLE, RATE_LIMITED, CREDENTIALS_REJECTED, INTEGRATION_FORBIDDEN,
          REQUEST_REJECTED, LOCAL_CONFIGURATION -> ExitCode.DUO_OR_CONFIGURATION;
    };
  }

  /** Every failure a command can end with; nothing escapes as a stack trace. */
  static Exit forException(Throwable failure) {
    if (failure instanceof ParameterException || failure instanceof CliInputException) {
      return Exit.of(ExitCode.INVALID_INPUT, failure.getMessage());
    }
    if (failure instanceof InvalidValueException invalid) {
      return Exit.of(ExitCode.INVALID_INPUT, "invalid " + invalid.field() + ": " + invalid.reason());
    }
    if (failure instanceof DomainException || failure instanceof NotFoundException
        || failure instanceof ConflictException) {
      return Exit.of(ExitCode.INVALID_INPUT, failure.getMessage());
    }
    if (failure instanceof StepUpRequiredException stepUp) {
      return Exit.of(ExitCode.ACCESS_DENIED, "access denied: " + CliText.stepUpRequired(stepUp));
    }
    if (failure instanceof AccessDeniedException) {
      return Exit.of(ExitCode.ACCESS_DENIED, "access denied: " + failure.getMessage());
    }
    if (failure instanceof SecondFactorProblemException problem) {
      return Exit.of(forProblem(problem.problem()), CliText.problem(problem));
    }
    if (failure instanceof StorageProblemException) {
      return Exit.of(ExitCode.STORAGE, failure.getMessage());
    }
    if (failure instanceof BusyException busy) {
      // Nothing was sent to Duo: the same command, a little later, is the whole remedy.
      return Exit.of(ExitCode.DUO_OR_CONFIGURATION, "busy: " + busy.getMessage()
          + " (retry in " + (busy.retryAfter() == null ? 1 : Math.max(1, busy.retryAfter().toSeconds())) + " s)");
    }
    if (failure instanceof CliSessionCache.Unwritable) {
      return Exit.of(ExitCode.STORAGE, "session cache: " + failure.getMessage());
    }
    // Unexpected: a documented code and the message in plain words, so scripts never see an
    // undocumented code and people never see a Java class name.
    return Exit.of(ExitCode.DUO_OR_CONFIGURATION, "unexpected problem: "
        + Optional.ofNullable(failure.getMessage()).filter(text -> !withoutClassNames(text).isBlank())
            .orElse("no details"));
  }

  /** Drops Java class names ({@code java.io.IOException: }, {@code IllegalStateException}) from a message. */
  static String withoutClassNames(String message) {
    return CLASS_NAME.matcher(message).replaceAll("").replaceAll("\\s{2,}", " ").strip();
  }

  /**
   * Behind the gate, an unknown entry (or workspace) and a conflict (the entry changed meanwhile,
   * the name is taken) end like a refusal, as their 404 and 409 do over REST: exit 1.
   */
  static Exit forEntryFailure(RuntimeException failure) {
    if (failure instanceof NotFoundException || failure instanceof ConflictException) {
      return Exit.of(ExitCode.ACCESS_DENIED, failure.getMessage());
    }
    return forException(failure);
  }

  static String describe(DenialReason reason) {
    return switch (reason) {
      case DENIED -> "denied";
      case FRAUD -> "denied and reported as fraud";
      case TIMEOUT -> "timed out";
      case LOCKED_OUT -> "locked out";
      case SUSPENDED -> "suspended";
      case TOO_MANY_PASSCODES -> "too many wrong passcodes";
      case CANCELLED -> "cancelled";
    };
  }

  /** One printable line: no control characters (newlines included), no Java class names, bounded length. */
  static String oneLine(String message) {
    return PrintableText.of(message == null ? "" : withoutClassNames(message), MAX_MESSAGE);
  }
}
