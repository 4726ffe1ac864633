package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.CliInterrupts;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C for the executable: SIGINT runs the armed action (cancelling the pending challenge)
 * before the JVM starts shutting down, so storage is still open while it runs; then the process
 * exits with 130. A shutdown hook could not promise that order.
 */
final class SignalInterrupts implements CliInterrupts {
  private static final Signal INTERRUPT = new Signal("INT");
  private static final int EXIT_INTERRUPTED = 130;

  @Override
  public Registration onInterrupt(Runnable action) {
    AtomicBoolean armed = new AtomicBoolean(true);
    SignalHandler previous = Signal.handle(INTERRUPT, signal -> {
      if (armed.getAndSet(false)) {
        action.run();
      }
      System.exit(EXIT_INTERRUPTED);
    });
    return () -> {
      if (armed.getAndSet(false)) {
        Signal.handle(INTERRUPT, previous);
      }
    };
  }
}
