package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.IssuedApiToken;

/** {@code token issue --json}: {@code {"token": …}}. */
record CliToken(String token) {
  static CliToken from(IssuedApiToken issued) {
    return new CliToken(issued.token().reveal());
  }
}
