package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.Denial;

/** Why an attempt was refused before any challenge. */
record CliDenial(String code, String message, String enrollmentUrl, String retryAfter) {
  static CliDenial from(Denial denial) {
    return new CliDenial(CliWire.name(denial.code()), CliText.denial(denial),
        denial.enrollmentUrl().orElse(null), CliWire.text(denial.retryAfter()));
  }
}
