package dev.gatehouse.application.port.out;

/** An entry with the same identity already exists (user, workspace, or a second open push). */
public class DuplicateEntryException extends RuntimeException {
  public DuplicateEntryException(String message) {
    super(message);
  }
}
