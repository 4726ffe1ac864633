package dev.gatehouse.bootstrap;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes SIGTERM always stop {@code serve} within a bound: a thread started with the server (so none
 * needs creating when memory is short) waits for the shutdown to begin, then for it to finish, and
 * halts the JVM if it has not after the grace period (a close stuck on an exhausted connection pool
 * or a heap with no room must not keep a node up that was told to stop).
 */
final class ShutdownWatchdog {
  private final CountDownLatch stopping = new CountDownLatch(1);

  private ShutdownWatchdog() {}

  /**
   * Starts watching; {@code stopped} counts down when the shutdown finished by itself, and a halt
   * is announced on {@code err} in one line.
   */
  static ShutdownWatchdog start(Duration grace, CountDownLatch stopped, PrintStream err) {
    ShutdownWatchdog watchdog = new ShutdownWatchdog();
    Thread thread = new Thread(() -> {
      try {
        watchdog.stopping.await();
        if (!stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          err.println("gatehouse: shutdown did not finish within " + grace.toSeconds() + " s; stopping now");
          err.flush();
          Runtime.getRuntime().halt(1);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "gatehouse-shutdown-watchdog");
    thread.setDaemon(true);
    thread.start();
    return watchdog;
  }

  /** The shutdown began: the grace period starts now. */
  void stopping() {
    stopping.countDown();
  }
}
