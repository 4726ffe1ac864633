package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupWarmUpTest {
  @Test
  void warmsUpOnADaemonThreadThatEndsByItself() {
    StartupWarmUp.begin();

    Optional<Thread> warmUp = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("gatehouse-warm-up")).findFirst();
    // It may already be done; if not, it must never hold the JVM open and must finish on its own.
    warmUp.ifPresent(thread -> {
      assertThat(thread.isDaemon()).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> !thread.isAlive());
    });
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("gatehouse-warm-up"));
  }
}
