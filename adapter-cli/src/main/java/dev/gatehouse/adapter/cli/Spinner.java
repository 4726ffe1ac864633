package dev.gatehouse.adapter.cli;

import java.io.PrintStream;

/** An animated "waiting" line on a terminal; does nothing elsewhere. */
final class Spinner {
  private static final String[] FRAMES = {"|", "/", "-", "\\"};
  private static final String CLEAR_LINE = "\r\u001b[K";

  private final PrintStream out;
  private final boolean enabled;
  private int frame;
  private boolean visible;

  Spinner(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  void tick(String label) {
    if (!enabled) {
      return;
    }
    out.print(CLEAR_LINE + FRAMES[frame++ % FRAMES.length] + " " + label);
    out.flush();
    visible = true;
  }

  void clear() {
    if (visible) {
      out.print(CLEAR_LINE);
      out.flush();
      visible = false;
    }
  }
}
