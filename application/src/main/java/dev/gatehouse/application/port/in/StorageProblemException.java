package dev.gatehouse.application.port.in;

/** Gatehouse's storage failed; nothing was changed. */
public class StorageProblemException extends RuntimeException {
  public StorageProblemException(String message, Throwable cause) {
    super(message, cause);
  }
}
