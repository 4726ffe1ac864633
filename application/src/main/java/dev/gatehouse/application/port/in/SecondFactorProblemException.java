package dev.gatehouse.application.port.in;

/**
 * Duo could not be used for a use case that has no expected outcome for it (listing devices, the
 * readiness report): the problem class, which each face words, and the facts behind it, never a
 * secret. For {@link SecondFactorProblem#NOT_CONFIGURED} the message says what is not configured;
 * for every other class it is the gateway's report of what failed (e.g. "cannot reach Duo at
 * api-x.duosecurity.com: connection refused").
 */
public class SecondFactorProblemException extends RuntimeException {
  private final SecondFactorProblem problem;

  public SecondFactorProblemException(SecondFactorProblem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public SecondFactorProblem problem() {
    return problem;
  }
}
