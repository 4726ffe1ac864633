package dev.gatehouse.duosim;

import java.util.Base64;

/** The simulator's stock account logo. */
final class Logo {

  /** A 1x1 PNG. */
  static final byte[] DEFAULT_PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

  private Logo() {}
}
