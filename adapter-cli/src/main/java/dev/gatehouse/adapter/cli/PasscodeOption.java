package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.challenge.Passcode;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --passcode-stdin} or {@code --passcode CODE}: answer a passcode challenge without being
 * asked (for SMS, after Duo sent the batch). Without either, the passcode is asked for when the
 * challenge awaits it: without echo on a terminal, else as a line of standard input.
 */
final class PasscodeOption {
  @Option(names = "--passcode-stdin",
      description = "Read the passcode from the first line of standard input instead of being asked; "
          + "on a terminal you are asked without echo. Preferred over --passcode.")
  boolean fromStandardInput;

  @Option(names = "--passcode", paramLabel = "CODE",
      description = "The passcode to submit instead of being asked (SMS: after Duo has sent the codes; "
          + "push or call: submitted at once, and whichever of it and the phone comes first wins). "
          + "Other users can see it in the process list: prefer --passcode-stdin.")
  String passcode;

  /**
   * The passcode given up front, if any; with {@code --passcode-stdin} on a terminal none, so that
   * it is asked for without echo once the challenge awaits it.
   */
  Optional<Passcode> read(CliContext context) {
    if (fromStandardInput && passcode != null) {
      throw new CliInputException("use either --passcode-stdin or --passcode, not both");
    }
    if (fromStandardInput) {
      if (context.isTerminal()) {
        return Optional.empty();
      }
      String line = context.readInputLine().map(String::strip).filter(text -> !text.isEmpty())
          .orElseThrow(() -> new CliInputException("--passcode-stdin: standard input has no passcode line"));
      return Optional.of(CliArguments.parse("the passcode on standard input", line, Passcode::new));
    }
    return Optional.ofNullable(passcode).map(text -> CliArguments.parse("--passcode", text, Passcode::new));
  }
}
