package dev.gatehouse.application.port.in;

/** Duo could not be used for a use case that has no expected outcome for it (listing devices). */
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
