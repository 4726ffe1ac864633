package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.function.Function;

/** Turns argument text into domain values, naming the option (never the value) when it does not fit. */
final class CliArguments {
  private CliArguments() {}

  static <T> T parse(String option, String text, Function<String, T> parser) {
    if (text == null || text.isBlank()) {
      throw new CliInputException(option + " must not be empty");
    }
    try {
      return parser.apply(text);
    } catch (InvalidValueException e) {
      throw new CliInputException(option + " " + e.reason());
    }
  }
}
