package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.challenge.Passcode;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --passcode CODE}: answer a passcode challenge without being asked (for SMS, after Duo sent the batch). */
final class PasscodeOption {
  @Option(names = "--passcode", paramLabel = "CODE",
      description = "The passcode to submit instead of being asked (SMS: after Duo has sent the codes; "
          + "push or call: submitted at once, and whichever of it and the phone comes first wins).")
  String passcode;

  Optional<Passcode> read() {
    return Optional.ofNullable(passcode).map(text -> CliArguments.parse("--passcode", text, Passcode::new));
  }
}
