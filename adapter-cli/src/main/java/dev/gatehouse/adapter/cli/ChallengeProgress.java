package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.CancelChallengeCommand;
import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.GetChallengeQuery;
import dev.gatehouse.application.port.in.SubmitPasscodeCommand;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows a challenge to its end on the command line: shows Duo's status messages while a push
 * or call is pending (with a spinner on a terminal), asks for passcodes (or uses
 * {@code --passcode} once; a wrong one leaves the challenge open for another try), and cancels the
 * challenge when the user presses Ctrl-C.
 */
final class ChallengeProgress {
  private static final long TICK_MILLIS = 120;

  /** How following a challenge ended. */
  sealed interface Ending {}

  /** The challenge reached a final state, or was left open (not cancelled) after a rejected {@code --passcode}. */
  record Finished(ChallengeView challenge) implements Ending {}

  /** The user pressed Ctrl-C; the challenge was cancelled. */
  record Interrupted() implements Ending {}

  private final CliContext context;
  private final CliOutput output;
  private final UserName actor;
  private final Gatehouse gatehouse;
  private final Spinner spinner;
  private String shown = "";

  ChallengeProgress(CliContext context, CliOutput output, UserName actor) {
    this.context = context;
    this.output = output;
    this.actor = actor;
    this.gatehouse = context.gatehouse();
    this.spinner = new Spinner(output.stream(), context.isTerminal() && !output.isJson());
  }

  Ending follow(ChallengeView start, Optional<Passcode> given) {
    CompletableFuture<Void> interrupted = new CompletableFuture<>();
    CliInterrupts.Registration ctrlC = context.config().interrupts()
        .onInterrupt(() -> cancelOnInterrupt(start.id(), interrupted));
    try {
      return follow(start, given, interrupted);
    } finally {
      ctrlC.close();
      spinner.clear();
    }
  }

  private Ending follow(ChallengeView start, Optional<Passcode> given, CompletableFuture<Void> interrupted) {
    ChallengeView view = start;
    Optional<Passcode> unused = given;
    while (!view.isFinal()) {
      if (interrupted.isDone()) {
        return new Interrupted();
      }
      show(view);
      if (view.state() == ChallengeState.AWAITING_PASSCODE) {
        if (given.isPresent() && unused.isEmpty()) {
          // The --passcode given was wrong: do not fall back to asking, and do not cancel either
          // (cancelling would start the cooldown): the challenge stays open for its remaining
          // attempts, and the next open with --passcode gets it back and answers it.
          return new Finished(view);
        }
        Optional<Passcode> passcode = unused.isPresent() ? unused : ask(view, interrupted);
        if (passcode.isEmpty()) {
          return new Interrupted();
        }
        unused = Optional.empty();
        view = gatehouse.submitPasscode().submit(
            new SubmitPasscodeCommand(actor, view.id(), passcode.get(), ClientContext.UNKNOWN));
        if (!view.isFinal() && given.isEmpty()) {
          output.line(view.message() + " (" + view.remainingPasscodeAttempts() + " attempts left)");
          shown = view.message().value();
        }
      } else {
        Optional<ChallengeView> next = await(view, interrupted);
        if (next.isEmpty()) {
          return new Interrupted();
        }
        view = next.get();
      }
    }
    show(view);
    return new Finished(view);
  }

  private void show(ChallengeView view) {
    String message = view.message().value();
    if (!message.isEmpty() && !message.equals(shown)) {
      spinner.clear();
      output.line(message);
      shown = message;
    }
  }

  /**
   * Asks until a well-formed passcode is typed; empty when Ctrl-C interrupted the question, and no
   * answer at all cancels the challenge.
   */
  private Optional<Passcode> ask(ChallengeView view, CompletableFuture<Void> interrupted) {
    while (true) {
      spinner.clear();
      Optional<String> typed = context.askSecret("Passcode: ");
      if (interrupted.isDone()) {
        return Optional.empty();
      }
      if (typed.isEmpty()) {
        cancelQuietly(view.id());
        throw new CliInputException("no passcode given; the challenge was cancelled");
      }
      try {
        return Optional.of(new Passcode(typed.get()));
      } catch (InvalidValueException e) {
        output.line("The passcode " + e.reason() + "; try again.");
      }
    }
  }

  private Optional<ChallengeView> await(ChallengeView view, CompletableFuture<Void> interrupted) {
    CompletableFuture<ChallengeView> poll = gatehouse.getChallenge()
        .get(new GetChallengeQuery(actor, view.id(), context.config().pollWait()))
        .toCompletableFuture();
    CompletableFuture<Object> either = CompletableFuture.anyOf(poll, interrupted);
    while (!either.isDone()) {
      try {
        either.get(TICK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillWaiting) {
        spinner.tick("Waiting for Duo... (Ctrl-C cancels)");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelOnInterrupt(view.id(), interrupted);
      } catch (ExecutionException failed) {
        break;
      }
    }
    if (interrupted.isDone()) {
      return Optional.empty();
    }
    try {
      return Optional.of(poll.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  private synchronized void cancelOnInterrupt(ChallengeId id, CompletableFuture<Void> interrupted) {
    if (interrupted.isDone()) {
      return;
    }
    try {
      gatehouse.cancelChallenge().cancel(new CancelChallengeCommand(actor, id));
      context.config().err().println("gatehouse: cancelled; the pending Duo request was withdrawn");
    } catch (RuntimeException e) {
      context.config().err().println("gatehouse: interrupted; " + CliExitCodes.forException(e).message().orElse(""));
    } finally {
      context.config().err().flush();
      interrupted.complete(null);
    }
  }

  private void cancelQuietly(ChallengeId id) {
    try {
      gatehouse.cancelChallenge().cancel(new CancelChallengeCommand(actor, id));
    } catch (RuntimeException alreadyOver) {
      // Finished or expired meanwhile: nothing is left open.
    }
  }
}
