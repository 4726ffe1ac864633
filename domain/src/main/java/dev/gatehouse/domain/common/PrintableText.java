package dev.gatehouse.domain.common;

/**
 * Text from outside (Duo's messages and device labels) made safe to print: control characters
 * that could drive a terminal become spaces, and the length is bounded in code points.
 */
public final class PrintableText {
  private PrintableText() {}

  public static String of(String text, int maxCodePoints) {
    String value = text == null ? "" : text;
    StringBuilder safe = new StringBuilder(Math.min(value.length(), maxCodePoints));
    value.codePoints()
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .limit(maxCodePoints)
        .forEach(safe::appendCodePoint);
    return safe.toString().strip();
  }
}
