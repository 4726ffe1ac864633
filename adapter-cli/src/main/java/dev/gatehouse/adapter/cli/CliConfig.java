package dev.gatehouse.adapter.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the command line is given from outside: its version, the standard streams, the
 * terminal, the environment (read only through this map), the operating-system user (the default
 * acting user), how Ctrl-C is observed, how long one read of a pending challenge may wait, and the
 * subcommands the executable adds.
 */
public record CliConfig(String version, PrintStream out, PrintStream err, InputStream in,
    CliConsole console, Map<String, String> environment, String osUser, CliInterrupts interrupts,
    Duration pollWait, List<CliExtension> extensions) {

  /** Gatehouse never waits longer than this for one read of a challenge. */
  public static final Duration MAX_POLL_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_POLL_WAIT = Duration.ofSeconds(25);

  public CliConfig {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(console, "console");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(osUser, "osUser");
    Objects.requireNonNull(interrupts, "interrupts");
    Objects.requireNonNull(pollWait, "pollWait");
    if (pollWait.isNegative() || pollWait.isZero() || pollWait.compareTo(MAX_POLL_WAIT) > 0) {
      throw new IllegalArgumentException("pollWait must be more than 0 and at most 30 seconds");
    }
    extensions = List.copyOf(extensions);
  }

  /**
   * The usual configuration: the JVM's console, Ctrl-C through a shutdown hook, 25-second reads
   * and no extra subcommands.
   */
  public static CliConfig of(String version, PrintStream out, PrintStream err, InputStream in,
      Map<String, String> environment, String osUser) {
    return new CliConfig(version, out, err, in, CliConsole.system(), environment, osUser,
        CliInterrupts.shutdownHook(), DEFAULT_POLL_WAIT, List.of());
  }

  public CliConfig withConsole(CliConsole value) {
    return new CliConfig(version, out, err, in, value, environment, osUser, interrupts, pollWait, extensions);
  }

  public CliConfig withInterrupts(CliInterrupts value) {
    return new CliConfig(version, out, err, in, console, environment, osUser, value, pollWait, extensions);
  }

  public CliConfig withPollWait(Duration value) {
    return new CliConfig(version, out, err, in, console, environment, osUser, interrupts, value, extensions);
  }

  public CliConfig withExtensions(List<CliExtension> value) {
    return new CliConfig(version, out, err, in, console, environment, osUser, interrupts, pollWait, value);
  }
}
