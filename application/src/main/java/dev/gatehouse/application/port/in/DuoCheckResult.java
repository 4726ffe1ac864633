package dev.gatehouse.application.port.in;

/** The outcome of checking Duo settings: they work, or why not. */
public sealed interface DuoCheckResult {
  record Passed() implements DuoCheckResult {}

  /**
   * Duo refused or could not be reached: the problem's class and the gateway's report of it (what
   * happened, never the secret key), for each face to word.
   */
  record Failed(SecondFactorProblem problem, String report) implements DuoCheckResult {}
}
