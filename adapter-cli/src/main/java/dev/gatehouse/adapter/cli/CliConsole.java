package dev.gatehouse.adapter.cli;

import java.io.Console;
import java.util.Optional;

/**
 * The terminal the command line runs on, if any: whether progress may animate and colour may be
 * used, and how to ask for a secret without echo. Without a terminal, secrets and passcodes are
 * read as lines from the injected standard input instead.
 */
public interface CliConsole {
  /** Whether standard input and output are an interactive terminal. */
  boolean isTerminal();

  /** Shows the prompt and reads one line without echo; empty at end of input or without a terminal. */
  Optional<String> readHidden(String prompt);

  /** The JVM's console ({@link System#console()}), or none when the process is not on a terminal. */
  static CliConsole system() {
    Console console = System.console();
    if (console == null) {
      return none();
    }
    return new CliConsole() {
      @Override
      public boolean isTerminal() {
        return true;
      }

      @Override
      public Optional<String> readHidden(String prompt) {
        char[] typed = console.readPassword("%s", prompt);
        return typed == null ? Optional.empty() : Optional.of(new String(typed));
      }
    };
  }

  /** No terminal: no animation, no colour, answers come from standard input. */
  static CliConsole none() {
    return new CliConsole() {
      @Override
      public boolean isTerminal() {
        return false;
      }

      @Override
      public Optional<String> readHidden(String prompt) {
        return Optional.empty();
      }
    };
  }
}
