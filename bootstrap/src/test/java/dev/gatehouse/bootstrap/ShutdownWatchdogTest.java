package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A shutdown that never finishes still ends the process, after the grace period, with exit 1. */
class ShutdownWatchdogTest {

  @Test
  void aStuckShutdownIsHaltedAfterTheGracePeriod() throws Exception {
    Process process = java(StuckShutdown.class.getName());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process ended").isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("shutdown did not finish within 1 s; stopping now");
  }

  @Test
  void aShutdownThatFinishesEndsNormally() throws Exception {
    Process process = java(QuickShutdown.class.getName());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
  }

  private static Process java(String main) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), main)).start();
  }

  /** Exits while its shutdown hook hangs: only the watchdog can end it. */
  static final class StuckShutdown {
    public static void main(String[] args) {
      CountDownLatch stopped = new CountDownLatch(1);
      ShutdownWatchdog watchdog = ShutdownWatchdog.start(Duration.ofSeconds(1), stopped, System.err);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        watchdog.stopping();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      System.exit(0);
    }
  }

  /** Exits with a shutdown hook that finishes at once. */
  static final class QuickShutdown {
    public static void main(String[] args) {
      CountDownLatch stopped = new CountDownLatch(1);
      ShutdownWatchdog watchdog = ShutdownWatchdog.start(Duration.ofSeconds(1), stopped, System.err);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        watchdog.stopping();
        stopped.countDown();
      }));
      System.exit(0);
    }
  }
}
