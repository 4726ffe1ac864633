package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.PrintableText;

/**
 * A human-readable message from Duo (or Gatehouse) about a challenge, made safe to print: control
 * characters that could drive a terminal are removed and the length is bounded.
 */
public record StatusMessage(String value) {
  public static final int MAX_LENGTH = 512;
  public static final StatusMessage NONE = new StatusMessage("");

  public StatusMessage {
    value = PrintableText.of(value, MAX_LENGTH);
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
