package dev.gatehouse.domain.challenge;

/**
 * A human-readable message from Duo (or Gatehouse) about a challenge, made safe to print: control
 * characters that could drive a terminal are removed and the length is bounded.
 */
public record StatusMessage(String value) {
  public static final int MAX_LENGTH = 512;
  public static final StatusMessage NONE = new StatusMessage("");

  public StatusMessage {
    String text = value == null ? "" : value;
    StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
    text.codePoints()
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .limit(MAX_LENGTH)
        .forEach(safe::appendCodePoint);
    value = safe.toString().strip();
  }

  public static StatusMessage of(String text) {
    return new StatusMessage(text);
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return value;
  }
}
