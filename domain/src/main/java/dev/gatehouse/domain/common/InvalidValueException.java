package dev.gatehouse.domain.common;

/** A value or command broke an invariant: the message names the field and the rule, never the value. */
public class InvalidValueException extends DomainException {
  private final String field;
  private final String reason;

  public InvalidValueException(String field, String reason) {
    super(field + " " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
