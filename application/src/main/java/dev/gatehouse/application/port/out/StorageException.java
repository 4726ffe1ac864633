package dev.gatehouse.application.port.out;

/** Storage could not be read or written (database down, connection lost, constraint broken unexpectedly). */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
