package dev.gatehouse.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP for {@code serve}: runs the action (reloading the TLS certificate) on each hangup, as
 * operators of daemons expect. Where the JVM cannot catch the signal, says so once and goes on.
 */
final class SignalHangups {
  private static final Logger LOG = LoggerFactory.getLogger(SignalHangups.class);

  private SignalHangups() {}

  /** Handles SIGHUP with {@code action}; returns whether the signal could be handled. */
  static boolean onHangup(Runnable action) {
    try {
      Signal.handle(new Signal("HUP"), signal -> action.run());
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
      LOG.warn("SIGHUP cannot be handled here ({}): restart to load a new TLS certificate", e.getMessage());
      return false;
    }
  }
}
