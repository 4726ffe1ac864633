package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.persistence.DatabaseUnreachableException;
import dev.gatehouse.application.port.out.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DatabaseWaitTest {
  private final List<Duration> slept = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger logger;

  @BeforeEach
  void captureLogs() {
    logger = (Logger) LoggerFactory.getLogger(DatabaseWait.class);
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
  }

  @Test
  void waitsLongerAfterEachFailedAttemptAndSaysSoEachTime() {
    AtomicInteger attempts = new AtomicInteger();

    String started = DatabaseWait.withBackoff(slept::add).start(() -> {
      if (attempts.incrementAndGet() <= 7) {
        throw unreachable();
      }
      return "started";
    });

    assertThat(started).isEqualTo("started");
    assertThat(slept).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    assertThat(logs.list).hasSize(7);
    assertThat(logs.list.get(0).getFormattedMessage())
        .isEqualTo("The database cannot be reached (attempt 1): cannot connect to db:5432: refused; trying again in 1 s");
  }

  @Test
  void otherStartFailuresAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> DatabaseWait.withBackoff(slept::add).start(() -> {
      attempts.incrementAndGet();
      throw new StorageException("cannot migrate the database schema");
    })).hasMessageContaining("migrate");
    assertThat(attempts).hasValue(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void withoutWaitingTheFirstFailureIsFinal() {
    assertThatThrownBy(() -> DatabaseWait.none().start(() -> {
      throw unreachable();
    })).isInstanceOf(DatabaseUnreachableException.class);
    assertThat(logs.list).isEmpty();
  }

  @Test
  void anInterruptedWaitGivesUpWithTheLastFailure() {
    assertThatThrownBy(() -> DatabaseWait.withBackoff(delay -> {
      throw new InterruptedException();
    }).start(() -> {
      throw unreachable();
    })).isInstanceOf(DatabaseUnreachableException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  private static DatabaseUnreachableException unreachable() {
    return new DatabaseUnreachableException("cannot connect to db:5432: refused", null);
  }
}
