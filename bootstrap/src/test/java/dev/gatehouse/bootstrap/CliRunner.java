package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.adapter.cli.CliConsole;
import dev.gatehouse.adapter.persistence.PersistenceConfig;
import dev.gatehouse.adapter.persistence.PersistenceRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code gatehouse} command lines in this JVM through the executable's entry point
 * ({@link Main#run(String[], InputStream, PrintStream, PrintStream, Map, CliConsole)}), with
 * captured standard streams, an injected environment (never the real one) and no terminal, on one
 * data directory and Duo CA file given as the global options {@code --data-dir} and
 * {@code --duo-ca-file}.
 */
final class CliRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dataDir;
  private final Path duoCaFile;
  private final Map<String, String> environment;
  private final String user;

  /** A runner whose session cache lives under the data directory, never in the real home. */
  CliRunner(Path dataDir, Path duoCaFile, Map<String, String> environment) {
    this(dataDir, duoCaFile, withStateHome(dataDir, environment), null);
  }

  private static Map<String, String> withStateHome(Path dataDir, Map<String, String> environment) {
    Map<String, String> withState = new HashMap<>(environment);
    withState.putIfAbsent("XDG_STATE_HOME", dataDir.toAbsolutePath().resolve("state").toString());
    return withState;
  }

  private CliRunner(Path dataDir, Path duoCaFile, Map<String, String> environment, String user) {
    this.dataDir = dataDir;
    this.duoCaFile = duoCaFile;
    this.environment = Map.copyOf(environment);
    this.user = user;
  }

  /** The same runner acting as {@code --user NAME}. */
  CliRunner as(String name) {
    return new CliRunner(dataDir, duoCaFile, environment, name);
  }

  /** The same runner on another data directory. */
  CliRunner withDataDir(Path directory) {
    return new CliRunner(directory, duoCaFile, environment, user);
  }

  /** The same runner with another Duo CA file. */
  CliRunner withDuoCaFile(Path file) {
    return new CliRunner(dataDir, file, environment, user);
  }

  /** The same runner with one more (or another) environment variable. */
  CliRunner withEnvironment(String name, String value) {
    Map<String, String> changed = new HashMap<>(environment);
    changed.put(name, value);
    return new CliRunner(dataDir, duoCaFile, changed, user);
  }

  /** The same runner without an environment variable. */
  CliRunner withoutEnvironment(String name) {
    Map<String, String> changed = new HashMap<>(environment);
    changed.remove(name);
    return new CliRunner(dataDir, duoCaFile, changed, user);
  }

  /** Runs with an empty standard input. */
  Run run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), CliConsole.none(), args);
  }

  /** Runs with these lines on standard input (how passcodes and secrets arrive without a terminal). */
  Run runWithInput(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), CliConsole.none(), args);
  }

  /**
   * Runs in a thread of its own (never the common pool, which Gatehouse may use), for commands that
   * wait on Duo while the test plays the phone.
   */
  CompletableFuture<Run> start(String... args) {
    return start(new ByteArrayInputStream(new byte[0]), args);
  }

  /** Like {@link #start(String...)}, reading standard input from {@code in}. */
  CompletableFuture<Run> start(InputStream in, String... args) {
    CompletableFuture<Run> run = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        run.complete(run(in, CliConsole.none(), args));
      } catch (Throwable failure) {
        run.completeExceptionally(failure);
      }
    }, "gatehouse-cli-" + String.join("-", args));
    thread.setDaemon(true);
    thread.start();
    return run;
  }

  /** Runs with this standard input and terminal; the global options come first, then {@code args}. */
  Run run(InputStream in, CliConsole console, String... args) {
    List<String> line = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--duo-ca-file", duoCaFile.toString()));
    if (user != null) {
      line.addAll(List.of("--user", user));
    }
    line.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(line.toArray(String[]::new), in, outStream, errStream, environment, console);
    }
    return new Run(String.join(" ", args), exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Keeps the embedded PostgreSQL of {@code dataDir} running for a test class, so that each
   * command joins it instead of starting and stopping it; closing stops it.
   */
  static PersistenceRuntime keepDatabaseRunning(Path dataDir) {
    return PersistenceRuntime.start(PersistenceConfig.embedded(dataDir));
  }

  /** What one command line did: its exit code and everything it printed. */
  record Run(String command, int exitCode, String out, String err) {
    /** Asserts exit 0 and a silent standard error; returns this run. */
    Run succeeds() {
      assertThat(exitCode).as("exit code of '%s'; stderr: %s; stdout: %s", command, err, out).isZero();
      assertThat(err).as("stderr of '%s'", command).isEmpty();
      return this;
    }

    /** Asserts exit 0 with progress (not errors) on standard error, as when Duo is asked inline. */
    Run succeedsWithProgress() {
      assertThat(exitCode).as("exit code of '%s'; stderr: %s; stdout: %s", command, err, out).isZero();
      assertThat(err).as("stderr of '%s'", command).doesNotContain("gatehouse: ").doesNotContain("\tat ")
          .doesNotContain(".java:");
      return this;
    }

    /**
     * Asserts the exit code and exactly one line on standard error that is no stack trace;
     * returns that line.
     */
    String failsWith(int expected) {
      assertThat(exitCode).as("exit code of '%s'; stderr: %s; stdout: %s", command, err, out).isEqualTo(expected);
      return oneErrorLine();
    }

    /** Asserts that standard error is one non-blank line without a stack trace; returns it. */
    String oneErrorLine() {
      assertThat(err).as("stderr of '%s'", command).endsWith(System.lineSeparator());
      List<String> lines = err.lines().toList();
      assertThat(lines).as("stderr of '%s'", command).hasSize(1);
      assertThat(lines.get(0)).as("stderr of '%s'", command).startsWith("gatehouse: ")
          .doesNotContain("\tat ").doesNotContain(".java:").doesNotContain("Caused by");
      assertThat(out).as("stdout of '%s'", command).doesNotContain("\tat ").doesNotContain(".java:");
      return lines.get(0);
    }

    List<String> outLines() {
      return out.lines().toList();
    }

    /** Standard output parsed as one JSON document. */
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("'" + command + "' printed no JSON: " + out, e);
      }
    }
  }
}
