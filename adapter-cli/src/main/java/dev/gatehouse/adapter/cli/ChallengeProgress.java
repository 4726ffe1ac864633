package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.CancelChallengeCommand;
import dev.gatehouse.application.port.in.challenge.CancelChallengeUseCase;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.challenge.GetChallengeUseCase;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeCommand;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeUseCase;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Follows a challenge to its end on the command line: shows Duo's status messages while a push
 * or call is pending (with a spinner on a terminal), and a Verified Duo Push's code prominently;
 * asks for passcodes (or uses {@code --passcode} once; a wrong one leaves the challenge open for
 * another try); takes a passcode in place of a push or call still waiting (the {@code --passcode}
 * given, or one typed at the prompt kept open beside the wait on a terminal: whichever comes first
 * settles it); and cancels the challenge when the user presses Ctrl-C.
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
  private final Supplier<GetChallengeUseCase> getChallenge;
  private final Supplier<SubmitPasscodeUseCase> submitPasscode;
  private final Supplier<CancelChallengeUseCase> cancelChallenge;
  private final Spinner spinner;
  private String shown = "";
  private String shownCode = "";
  /** A passcode being typed on the terminal while a push or call waits; null when none is asked for. */
  private CompletableFuture<Optional<String>> typing;
  /** The prompt beside the wait reached the end of input: wait for the push or call alone. */
  private boolean promptClosed;
  /** Ctrl-C is being handled: the challenge is being cancelled, which also ends a waiting poll. */
  private final AtomicBoolean interrupting = new AtomicBoolean();

  ChallengeProgress(CliContext context, CliOutput output, UserName actor) {
    this.context = context;
    this.output = output;
    this.actor = actor;
    this.getChallenge = context.useCase(GetChallengeUseCase.class);
    this.submitPasscode = context.useCase(SubmitPasscodeUseCase.class);
    this.cancelChallenge = context.useCase(CancelChallengeUseCase.class);
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
        view = submitPasscode.get().submit(
            new SubmitPasscodeCommand(actor, view.id(), passcode.get(), ClientContext.UNKNOWN));
        if (!view.isFinal() && given.isEmpty()) {
          output.line(CliText.message(view) + " (" + view.remainingPasscodeAttempts() + " attempts left)");
          shown = CliText.message(view);
        }
      } else if (unused.isPresent()) {
        // Push or passcode, whichever comes first: the passcode given settles the push or call
        // if Duo accepts it before the phone answers; a wrong one leaves it waiting.
        Passcode passcode = unused.get();
        unused = Optional.empty();
        view = submitInstead(view, passcode);
      } else {
        Optional<ChallengeView> next = await(view, interrupted);
        if (next.isEmpty()) {
          return new Interrupted();
        }
        view = next.get();
      }
    }
    ChallengeView last = view;
    show(last);
    if (last.settledBy().filter(method -> method != last.selection().method()).isPresent()) {
      output.line("Settled by the passcode; the " + last.selection().method().wireName() + " was superseded.");
    }
    return new Finished(last);
  }

  /** Submits a passcode in place of the push or call still waiting; a wrong one leaves it waiting. */
  private ChallengeView submitInstead(ChallengeView view, Passcode passcode) {
    spinner.clear();
    ChallengeView after = submitPasscode.get().submit(
        new SubmitPasscodeCommand(actor, view.id(), passcode, ClientContext.UNKNOWN));
    if (!after.isFinal()) {
      output.line(CliText.message(after) + " (" + after.remainingPasscodeAttempts() + " attempts left); still waiting for "
          + "the " + after.selection().method().wireName());
      shown = CliText.message(after);
    }
    return after;
  }

  private void show(ChallengeView view) {
    String message = CliText.message(view);
    String code = view.verificationCode().map(c -> c.value()).orElse("");
    if (!code.isEmpty() && !code.equals(shownCode)) {
      // Verified Duo Push: the code is what the member needs; Duo's message only repeats it.
      spinner.clear();
      String line = "Enter " + code + " in Duo Mobile";
      if (output.isJson()) {
        context.config().err().println("gatehouse: " + line);
        context.config().err().flush();
      } else {
        output.line("");
        output.line("    " + output.style().bold(">>>  " + line + "  <<<"));
        output.line("");
      }
      shownCode = code;
      shown = message;
      return;
    }
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
    CompletableFuture<ChallengeView> poll = getChallenge.get()
        .get(new GetChallengeQuery(actor, view.id(), context.config().pollWait()))
        .toCompletableFuture();
    CompletableFuture<Optional<String>> typed = passcodeBesideTheWait(view);
    CompletableFuture<Object> either = CompletableFuture.anyOf(poll, interrupted, typed);
    while (!either.isDone()) {
      try {
        either.get(TICK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillWaiting) {
        if (typing == null) {
          spinner.tick("Waiting for Duo... (Ctrl-C cancels)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelOnInterrupt(view.id(), interrupted);
      } catch (ExecutionException failed) {
        break;
      }
    }
    if (interrupting.get()) {
      // The cancel wakes the poll with the cancelled challenge: that is the interruption, not a denial.
      interrupted.join();
      return Optional.empty();
    }
    if (!poll.isDone() && typed.isDone()) {
      typing = null;
      Optional<String> text = typed.getNow(Optional.empty());
      if (text.isEmpty()) {
        // End of input (or an empty line) at the prompt: keep waiting for the push or call alone.
        promptClosed = true;
        return Optional.of(view);
      }
      try {
        return Optional.of(submitInstead(view, new Passcode(text.get())));
      } catch (InvalidValueException e) {
        output.line("The passcode " + e.reason() + "; try again.");
        return Optional.of(view);
      }
    }
    try {
      return Optional.of(poll.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  /**
   * On a terminal, while a push or call waits, a passcode prompt stays open beside it (push or
   * passcode, whichever comes first); one prompt at a time, read on a daemon thread, since a
   * terminal read cannot be withdrawn. Elsewhere (pipes, JSON) a future that never completes.
   */
  private CompletableFuture<Optional<String>> passcodeBesideTheWait(ChallengeView view) {
    if (!context.isTerminal() || output.isJson() || promptClosed || !view.acceptsPasscode()) {
      return new CompletableFuture<>();
    }
    if (typing == null) {
      spinner.clear();
      output.line("Waiting for Duo (Ctrl-C cancels); or type a passcode instead.");
      CompletableFuture<Optional<String>> next = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try {
          next.complete(context.askSecret("Passcode (or approve on your phone): "));
        } catch (RuntimeException e) {
          next.complete(Optional.empty());
        }
      }, "gatehouse-passcode-prompt");
      reader.setDaemon(true);
      typing = next;
      reader.start();
    }
    return typing;
  }

  private synchronized void cancelOnInterrupt(ChallengeId id, CompletableFuture<Void> interrupted) {
    if (interrupted.isDone()) {
      return;
    }
    interrupting.set(true);
    try {
      cancelChallenge.get().cancel(new CancelChallengeCommand(actor, id));
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
      cancelChallenge.get().cancel(new CancelChallengeCommand(actor, id));
    } catch (RuntimeException alreadyOver) {
      // Finished or expired meanwhile: nothing is left open.
    }
  }
}
