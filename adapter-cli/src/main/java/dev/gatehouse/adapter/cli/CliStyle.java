package dev.gatehouse.adapter.cli;

/** ANSI emphasis for human output on a terminal; plain text otherwise. */
final class CliStyle {
  private final boolean enabled;

  CliStyle(boolean enabled) {
    this.enabled = enabled;
  }

  String bold(String text) {
    return wrap("1", text);
  }

  String green(String text) {
    return wrap("32", text);
  }

  String red(String text) {
    return wrap("31", text);
  }

  String dim(String text) {
    return wrap("2", text);
  }

  private String wrap(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
