package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.domain.user.UserName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 18 item 5: every postmaster that appears is shut down at once for ten seconds, so that
 * restarts themselves fail or are cut short. The runtime keeps trying with a short back-off, logs
 * no error, and is ready again within a few seconds after the killing stops.
 */
class EmbeddedRestartStormIT {
  private static final Duration STORM = Duration.ofSeconds(10);
  private static final Duration BACK = Duration.ofSeconds(5);

  @TempDir
  Path dataDirectory;

  @Test
  void restartsThatAreThemselvesKilledAreRetriedUntilTheServerRunsAgain() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      Path pg = runtime.embedded().pgDirectory();
      JdbcUserRepository users = new JdbcUserRepository(runtime.transactions());
      users.add(StorageFixtures.aUser("before"));

      Set<Long> killed = new HashSet<>();
      long started = System.nanoTime();
      while (System.nanoTime() - started < STORM.toNanos()) {
        Optional<Postmaster> postmaster = Postmaster.read(pg);
        if (postmaster.isPresent() && postmaster.get().pid() > 0
            && new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).start().waitFor() == 0) {
          killed.add(postmaster.get().pid());
        }
        Thread.sleep(20);
      }
      long released = System.nanoTime();
      Awaitility.await().atMost(BACK).pollInterval(Duration.ofMillis(50)).until(runtime::isReachable);
      long ready = System.nanoTime();
      Awaitility.await().atMost(BACK.minus(Duration.ofNanos(ready - released))).ignoreExceptions()
          .untilAsserted(() -> users.add(StorageFixtures.aUser("after")));
      System.out.printf("%d postmasters shut down in %d s; ready again %d ms after, a write succeeded %d ms after%n",
          killed.size(), STORM.toSeconds(), (ready - released) / 1_000_000, (System.nanoTime() - released) / 1_000_000);

      assertThat(killed).as("postmasters shut down, restarts among them").hasSizeGreaterThan(3);
      assertThat(users.find(new UserName("before"))).isPresent();
      assertThat(users.find(new UserName("after"))).isPresent();
    } finally {
      root.detachAppender(logs);
    }
    assertThat(logs.list).as("errors logged")
        .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    assertThat(logs.list).as("warnings with a stack trace")
        .filteredOn(event -> event.getLoggerName().startsWith("dev.gatehouse") || event.getLoggerName().startsWith("io.zonky"))
        .noneMatch(event -> event.getThrowableProxy() != null);
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).as("the last user stopped it").doesNotExist();
  }
}
