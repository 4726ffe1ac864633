package dev.gatehouse.domain.common;

/** Base of every failure raised by the domain model itself. */
public abstract class DomainException extends RuntimeException {
  protected DomainException(String message) {
    super(message);
  }
}
