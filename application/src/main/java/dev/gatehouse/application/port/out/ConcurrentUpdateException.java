package dev.gatehouse.application.port.out;

/** Someone else (another request or node) changed the entry since it was read. */
public class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(String message) {
    super(message);
  }
}
