package dev.gatehouse.application.port.in;

/** The named user, workspace or challenge does not exist. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
