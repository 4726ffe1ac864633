package dev.gatehouse.application.port.in;

/** The outcome of checking Duo settings: they work, or why not. */
public sealed interface DuoCheckResult {
  record Passed() implements DuoCheckResult {}

  /** Duo refused or could not be reached; the message carries Duo's detail, never the secret key. */
  record Failed(SecondFactorProblem problem, String message) implements DuoCheckResult {}
}
