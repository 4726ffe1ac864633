package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.CliConfig;
import dev.gatehouse.adapter.cli.CliConsole;
import dev.gatehouse.adapter.cli.GatehouseCli;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The {@code gatehouse} executable: the command line, with {@code serve}, {@code duo-simulator}
 * and {@code demo} added. Nothing is started before a command needs it, so {@code --help} and
 * {@code --version} stay fast.
 */
public final class Main {
  private Main() {}

  /** CompletableFuture's default executor starts a thread per task when the common pool's parallelism is below 2. */
  static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  public static void main(String[] args) {
    // Before anything touches the common pool: an asynchronous stage given no executor runs there,
    // and on a 2-core machine (parallelism 1) that would mean a new thread per task.
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
      System.setProperty(COMMON_POOL_PARALLELISM,
          Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
    }
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs one command line as the executable does; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    // The process exits right after, and storage closes in its shutdown hook; that hook also runs
    // (and finishes) when Ctrl-C ends the process while this thread is still unwinding.
    return run(args, System.in, out, err, environment, CliConsole.system(), new Runtimes(environment));
  }

  /**
   * Runs one command line in this JVM on the given standard streams, environment and terminal
   * ({@link CliConsole#none()}: passcodes and secrets are read as lines of {@code in}); returns the
   * exit code. Storage the command started is closed when it ends, so one JVM can run many.
   */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment,
      CliConsole console) {
    try (Runtimes runtimes = new Runtimes(environment)) {
      return run(args, in, out, err, environment, console, runtimes);
    }
  }

  private static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
      Map<String, String> environment, CliConsole console, Runtimes runtimes) {
    CliConfig config = new CliConfig(Version.current(), out, err, in, console, environment,
        System.getProperty("user.name", "gatehouse"), new SignalInterrupts(), CliConfig.DEFAULT_POLL_WAIT,
        List.of(ServeExtension.create(runtimes), SimulatorExtension.create(), DemoExtension.create()));
    return new GatehouseCli(config, runtimes::gatehouse).run(args);
  }
}
