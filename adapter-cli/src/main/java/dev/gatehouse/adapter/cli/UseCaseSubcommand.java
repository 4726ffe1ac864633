package dev.gatehouse.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A subcommand that runs use cases: it prints its result (text, or JSON with {@code --json}) and
 * ends with the exit code and one-line message {@link CliExitCodes} gives for it.
 */
abstract class UseCaseSubcommand implements Callable<Integer> {
  protected final CliContext context;

  @Mixin
  JsonOption jsonOption;

  protected UseCaseSubcommand(CliContext context) {
    this.context = context;
  }

  @Override
  public final Integer call() {
    CliExitCodes.Exit exit = execute(context.output(jsonOption.json));
    exit.message().ifPresent(message -> context.config().err().println("gatehouse: " + message));
    return exit.value();
  }

  protected abstract CliExitCodes.Exit execute(CliOutput output);
}
