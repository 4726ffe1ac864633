package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every subcommand of one run shares: the configuration, the global options, Gatehouse's use
 * cases (started on first use), the acting user, the output and the way to ask the user for secrets.
 */
final class CliContext {
  private final CliConfig config;
  private final GatehouseFactory factory;
  private final GlobalOptions global = new GlobalOptions();
  private Gatehouse gatehouse;
  private CliSessionCache sessions;
  private BufferedReader input;

  CliContext(CliConfig config, GatehouseFactory factory) {
    this.config = config;
    this.factory = factory;
  }

  CliConfig config() {
    return config;
  }

  GlobalOptions global() {
    return global;
  }

  RuntimeOptions runtime() {
    return global.runtime(config.environment());
  }

  /**
   * The use case of this type, for a subcommand to name what it calls: Gatehouse is started the
   * first time one is called upon, never when a command is merely built.
   */
  <T> Supplier<T> useCase(Class<T> type) {
    return () -> CliUseCases.of(gatehouse(), type);
  }

  private synchronized Gatehouse gatehouse() {
    if (gatehouse == null) {
      gatehouse = factory.open(runtime());
    }
    return gatehouse;
  }

  /** The session cache of this run's data source. */
  synchronized CliSessionCache sessions() {
    if (sessions == null) {
      sessions = CliSessionCache.of(this);
    }
    return sessions;
  }

  /** The acting user: {@code --user}, else {@code GATEHOUSE_USER}, else the operating-system user. */
  UserName actor() {
    if (global.user != null) {
      return CliArguments.parse("--user", global.user, UserName::new);
    }
    Optional<String> fromEnvironment = GlobalOptions.variable(config.environment(), GlobalOptions.USER_VARIABLE);
    if (fromEnvironment.isPresent()) {
      return CliArguments.parse(GlobalOptions.USER_VARIABLE, fromEnvironment.get(), UserName::new);
    }
    try {
      return new UserName(config.osUser());
    } catch (InvalidValueException e) {
      throw new CliInputException("the operating-system user is not a valid Gatehouse user name ("
          + e.reason() + "); pass --user NAME or set GATEHOUSE_USER");
    }
  }

  boolean isTerminal() {
    return config.console().isTerminal();
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  boolean colour() {
    return isTerminal() && GlobalOptions.variable(config.environment(), "NO_COLOR").isEmpty();
  }

  CliOutput output(boolean json) {
    return new CliOutput(config.out(), json, new CliStyle(colour()));
  }

  /**
   * Asks for a secret: without echo on a terminal, else one line of standard input. Empty when
   * nothing was typed before the end of input.
   */
  Optional<String> askSecret(String prompt) {
    Optional<String> answer = isTerminal() ? config.console().readHidden(prompt) : readLine();
    return answer.map(String::strip).filter(text -> !text.isEmpty());
  }

  /** One line of the injected standard input (never the terminal); empty at the end of input. */
  Optional<String> readInputLine() {
    return readLine();
  }

  private synchronized Optional<String> readLine() {
    if (input == null) {
      input = new BufferedReader(new InputStreamReader(config.in(), StandardCharsets.UTF_8));
    }
    try {
      return Optional.ofNullable(input.readLine());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input", e);
    }
  }
}
