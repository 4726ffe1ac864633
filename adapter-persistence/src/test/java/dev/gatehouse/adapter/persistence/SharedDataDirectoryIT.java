package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.domain.user.UserName;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Gatehouse processes on one data directory share one PostgreSQL (design-notes §2, ADR 0003). */
class SharedDataDirectoryIT {
  @TempDir
  Path dataDirectory;

  @Test
  void aSecondProcessUsesTheRunningServerAndLeavesItToTheLastUser() throws Exception {
    try (PersistenceRuntime here = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      Child child = Child.start(dataDirectory, "bob");
      assertThat(child.ready()).isEqualTo("READY " + here.embedded().port() + " false");
      assertThat(users(here).find(new UserName("bob"))).as("written by the other process").isPresent();

      child.close();
      assertThat(here.isReachable()).as("still running for this process").isTrue();
      users(here).add(StorageFixtures.aUser("carol"));
    }
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).as("the last user stopped it").doesNotExist();
  }

  @Test
  void whenTheProcessThatStartedItLeavesFirstTheOtherKeepsItAndStopsItLast() throws Exception {
    Child owner = Child.start(dataDirectory, "bob");
    assertThat(owner.ready()).endsWith(" true");
    try (PersistenceRuntime here = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      assertThat(here.embedded().startedHere()).isFalse();
      assertThat(owner.ready()).isEqualTo("READY " + here.embedded().port() + " true");

      owner.close();
      assertThat(here.isReachable()).isTrue();
      assertThat(users(here).find(new UserName("bob"))).isPresent();
    }
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).as("stopped by the attached process").doesNotExist();
  }

  @Test
  void aCrashedOwnersServerIsReusedNotDuplicated() throws Exception {
    Child owner = Child.start(dataDirectory, "bob");
    String ready = owner.ready();
    owner.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    try (PersistenceRuntime here = PersistenceRuntime.start(PersistenceConfig.embedded(dataDirectory))) {
      assertThat(here.embedded().startedHere()).isFalse();
      assertThat(ready).isEqualTo("READY " + here.embedded().port() + " true");
      assertThat(users(here).find(new UserName("bob"))).isPresent();
    }
    assertThat(dataDirectory.resolve("pg/postmaster.pid")).doesNotExist();
  }

  private static JdbcUserRepository users(PersistenceRuntime runtime) {
    return new JdbcUserRepository(runtime.transactions());
  }

  /** The other process: {@link SharedDataDirectoryMain} in a JVM of its own. */
  private static final class Child {
    final Process process;
    final BufferedReader out;
    String ready;

    private Child(Process process) {
      this.process = process;
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Child start(Path dataDirectory, String user) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
          .replace(' ', File.pathSeparatorChar);
      Process process = new ProcessBuilder(java, "-cp", classPath, SharedDataDirectoryMain.class.getName(),
          dataDirectory.toString(), user)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      Child child = new Child(process);
      child.ready = child.out.readLine();
      return child;
    }

    String ready() {
      return ready;
    }

    void close() throws Exception {
      try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
        in.write("close\n");
      }
      assertThat(out.readLine()).isEqualTo("CLOSED");
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    }
  }
}
