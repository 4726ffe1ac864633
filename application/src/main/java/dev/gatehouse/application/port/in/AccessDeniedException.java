package dev.gatehouse.application.port.in;

/** The acting user is unknown, or their role or ownership does not allow the use case. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
