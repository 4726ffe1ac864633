package dev.gatehouse.domain.common;

/** A value or command broke an invariant of the domain. */
public class InvalidValueException extends RuntimeException {
  public InvalidValueException(String field, String reason) { super(field + " " + reason); }
}
