package dev.gatehouse.adapter.cli;

/** Input the command line cannot use (a malformed argument, a missing secret): exit 2. */
final class CliInputException extends RuntimeException {
  CliInputException(String message) {
    super(message);
  }
}
