package dev.gatehouse.domain.common;

/** An aggregate was asked for a state change its lifecycle does not allow. */
public class IllegalTransitionException extends DomainException {
  public IllegalTransitionException(String aggregate, Object from, String change) {
    super(aggregate + " cannot " + change + " when " + from);
  }
}
