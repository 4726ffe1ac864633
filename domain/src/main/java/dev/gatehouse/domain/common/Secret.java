package dev.gatehouse.domain.common;

/**
 * Base of values that must never print themselves: {@code toString()} is redacted and the only
 * way to read the value is {@link #reveal()}, which adapters call at the last moment.
 */
public abstract class Secret {
  private final char[] value;

  protected Secret(String field, String value) {
    Require.notNull(field, value);
    this.value = value.toCharArray();
  }

  /** The plain value, for the one adapter call that needs it. */
  public final String reveal() {
    return new String(value);
  }

  /** Constant-time comparison, so equality leaks no timing about the value. */
  @Override
  public final boolean equals(Object other) {
    if (other == null || other.getClass() != getClass()) {
      return false;
    }
    char[] theirs = ((Secret) other).value;
    int difference = value.length ^ theirs.length;
    for (int i = 0; i < Math.min(value.length, theirs.length); i++) {
      difference |= value[i] ^ theirs[i];
    }
    return difference == 0;
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[redacted]";
  }
}
