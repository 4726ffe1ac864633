package dev.gatehouse.application.port.in;

/** The request clashes with the current state (name taken, challenge already finished, nothing to clear). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
