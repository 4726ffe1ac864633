package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.domain.user.UserName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL going away under a running runtime (ADR 0003): killed, or shut down
 * fast or smart. The runtime says so within a second, brings it back on the same port, and writes
 * again without being restarted itself.
 */
class EmbeddedRecoveryIT {
  private static final Duration NOTICED = Duration.ofSeconds(1);
  private static final Duration BACK = Duration.ofSeconds(20);

  @TempDir
  Path dataDirectory;

  @ParameterizedTest(name = "kill -{0}")
  @ValueSource(strings = {"KILL", "INT", "TERM"})
  void aServerThatGoesAwayIsNoticedWithinASecondAndComesBackOnItsPort(String signal) throws Exception {
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      Path pg = runtime.embedded().pgDirectory();
      JdbcUserRepository users = new JdbcUserRepository(runtime.transactions());
      users.add(StorageFixtures.aUser("before"));
      Postmaster first = Postmaster.read(pg).orElseThrow();

      signal(first.pid(), signal);
      long sent = System.nanoTime();
      Awaitility.await().atMost(NOTICED).pollInterval(Duration.ofMillis(20)).until(() -> !runtime.isReachable());
      long noticed = System.nanoTime() - sent;
      Awaitility.await().atMost(BACK).pollInterval(Duration.ofMillis(50)).until(runtime::isReachable);
      System.out.printf("kill -%s: not ready after %d ms, ready again after %d ms%n", signal, noticed / 1_000_000,
          (System.nanoTime() - sent) / 1_000_000);

      Postmaster second = Postmaster.read(pg).orElseThrow();
      assertThat(second.pid()).as("a new postmaster").isNotEqualTo(first.pid());
      assertThat(second.port()).as("on the data directory's port").isEqualTo(first.port())
          .isEqualTo(runtime.embedded().port());
      Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
          .untilAsserted(() -> users.add(StorageFixtures.aUser("after")));
      assertThat(users.find(new UserName("before"))).isPresent();
      assertThat(users.find(new UserName("after"))).isPresent();
    }
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).as("the last user stopped it").doesNotExist();
  }

  @Test
  void theDataDirectoryAndTheServerLogBecomeTheOwnersOnly() throws Exception {
    Files.createDirectories(dataDirectory);
    Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path log = dataDirectory.resolve("postgresql.log");
    Files.writeString(log, "");
    Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

    PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)).close();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    assertThat(Files.size(log)).as("the server wrote to it").isPositive();
  }

  @Test
  void aNewServerLogIsTheOwnersOnly() throws Exception {
    PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory)).close();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve("postgresql.log"))))
        .isEqualTo("rw-------");
  }

  private static void signal(long pid, String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
  }
}
