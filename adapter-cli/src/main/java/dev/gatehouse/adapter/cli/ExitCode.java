package dev.gatehouse.adapter.cli;

/**
 * The exit codes scripts rely on (product.md, "Interfaces"), plus interrupted; there are no
 * others (a failure nothing else describes is reported as a Duo or configuration problem).
 */
enum ExitCode {
  DONE(0),
  ACCESS_DENIED(1),
  INVALID_INPUT(2),
  DUO_OR_CONFIGURATION(3),
  STORAGE(4),
  /** Ctrl-C, as a shell reports SIGINT. */
  INTERRUPTED(130);

  private final int value;

  ExitCode(int value) {
    this.value = value;
  }

  int value() {
    return value;
  }
}
