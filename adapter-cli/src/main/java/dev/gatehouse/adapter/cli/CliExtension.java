package dev.gatehouse.adapter.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A subcommand that the executable adds to the command tree without parsing arguments itself
 * ({@code serve}, {@code duo-simulator}, {@code demo}): a name, a one-line description, the
 * options it takes, an example for its help and what it does. The command line parses the options, prints help and maps
 * failures to exit codes exactly as for its own subcommands.
 */
public record CliExtension(String name, String description, List<Option> options, Optional<String> example,
    Action action) {
  public CliExtension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    options = List.copyOf(options);
    Objects.requireNonNull(example, "example");
    Objects.requireNonNull(action, "action");
  }

  /** A subcommand without an example in its help. */
  public CliExtension(String name, String description, List<Option> options, Action action) {
    this(name, description, options, Optional.empty(), action);
  }

  /**
   * One option, such as {@code --port}; with a parameter label ({@code N}) it takes a value,
   * without one it is a flag whose value is {@code "true"} when given.
   */
  public record Option(String name, Optional<String> paramLabel, String description) {
    public Option {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(paramLabel, "paramLabel");
      Objects.requireNonNull(description, "description");
    }

    public static Option withValue(String name, String paramLabel, String description) {
      return new Option(name, Optional.of(paramLabel), description);
    }

    public static Option flag(String name, String description) {
      return new Option(name, Optional.empty(), description);
    }
  }

  /** What the subcommand does; returns the process exit code. */
  @FunctionalInterface
  public interface Action {
    int run(Invocation invocation) throws Exception;
  }

  /**
   * One run of the subcommand: the options given (by name, e.g. {@code "--port"}; flags as
   * {@code "true"}; options not given are absent), the global options and the injected streams.
   */
  public record Invocation(Map<String, String> options, RuntimeOptions runtime, PrintStream out,
      PrintStream err, Map<String, String> environment) {
    public Invocation {
      options = Map.copyOf(options);
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(err, "err");
      environment = Map.copyOf(environment);
    }
  }
}
