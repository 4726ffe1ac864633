package dev.gatehouse.adapter.cli;

/**
 * Where the command line learns that the user pressed Ctrl-C while a Duo request is pending, so
 * that it can cancel the challenge. Production uses a JVM shutdown hook; tests fire it by hand.
 */
public interface CliInterrupts {
  /** Runs {@code action} (once) if the user interrupts before the registration is closed. */
  Registration onInterrupt(Runnable action);

  /** An armed interrupt action; closing it disarms it. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Ctrl-C (SIGINT, and SIGTERM) as the JVM reports it: through a shutdown hook, which runs the
   * action to completion before the process exits (with status 130 after SIGINT).
   */
  static CliInterrupts shutdownHook() {
    return action -> {
      Thread hook = new Thread(action, "gatehouse-cli-interrupt");
      Runtime.getRuntime().addShutdownHook(hook);
      return () -> {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is already running or done: nothing left to disarm.
        }
      };
    };
  }
}
