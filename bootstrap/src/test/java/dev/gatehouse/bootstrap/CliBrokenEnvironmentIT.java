package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapter.persistence.PersistenceRuntime;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No undocumented exit codes (issue 14): every command that uses storage, run through the
 * executable's entry point on a broken data directory or an unreachable database, ends with 4;
 * every command that asks Duo, run with a missing CA file, ends with 3. Each prints exactly one line
 * on standard error, naming no Java class. ({@code demo} and {@code duo-simulator} use neither the
 * data directory nor the Duo CA file.)
 */
class CliBrokenEnvironmentIT {
  private static final int DUO_OR_CONFIGURATION = 3;
  private static final int STORAGE = 4;
  /** A Java class name: an exception or error type, or any qualified name such as {@code java.io.File}. */
  private static final Pattern CLASS_NAME = Pattern.compile(
      "[A-Z]\\w*(Exception|Error)\\b|\\b[a-z]+\\.[a-z]+\\.[a-z.]*[A-Z]\\w*|\\w+\\[\\w");

  @TempDir
  static Path tempDir;

  private static DuoSimulator duo;
  private static PersistenceRuntime database;
  private static CliRunner healthy;
  private static final String WORKSPACE = "servers";

  @BeforeAll
  static void startGatehouse() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    Path caFile = duo.writeCaPem(tempDir.resolve("duo-ca.pem"));
    Path dataDir = tempDir.resolve("data");
    database = CliRunner.keepDatabaseRunning(dataDir);
    healthy = new CliRunner(dataDir, caFile, Map.of("GATEHOUSE_DUO_SECRET_KEY", duo.secretKey())).as("alice");
    healthy.run("user", "add", "alice").succeeds();
    healthy.run("workspace", "create", WORKSPACE).succeeds();
    healthy.run("workspace", "add-member", WORKSPACE, "alice").succeeds();
    healthy.run("duo", "configure", WORKSPACE, "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey()).succeeds();
    healthy.runWithInput("123456\n", "duo", "use-device", WORKSPACE, "--method", "passcode", "--passcode-stdin")
        .succeeds();
  }

  @AfterAll
  static void stopGatehouse() {
    if (database != null) {
      database.close();
    }
    if (duo != null) {
      duo.close();
    }
  }

  /** Every command that needs Gatehouse's storage, with arguments that would otherwise work. */
  private static List<String[]> storageCommands() {
    return List.of(
        new String[] {"user", "add", "bob"},
        new String[] {"token", "issue", "alice"},
        new String[] {"workspace", "create", "other"},
        new String[] {"workspace", "list"},
        new String[] {"workspace", "show", WORKSPACE},
        new String[] {"workspace", "add-member", WORKSPACE, "alice"},
        new String[] {"workspace", "remove-member", WORKSPACE, "alice"},
        new String[] {"duo", "check", "--api-hostname", duo.apiHostname(), "--integration-key", duo.integrationKey()},
        new String[] {"duo", "configure", WORKSPACE, "--api-hostname", duo.apiHostname(),
            "--integration-key", duo.integrationKey()},
        new String[] {"duo", "devices", WORKSPACE},
        new String[] {"duo", "use-device", WORKSPACE, "--method", "push"},
        new String[] {"open", WORKSPACE, "--passcode", "123456"},
        new String[] {"audit"},
        new String[] {"mfa", "disable", WORKSPACE},
        new String[] {"suspension", "clear", WORKSPACE, "alice"},
        new String[] {"serve", "--port", "0"});
  }

  /** Every command that asks Duo, on a workspace whose Duo settings and device are in place. */
  private static List<String[]> duoCommands() {
    return List.of(
        new String[] {"duo", "check", "--api-hostname", duo.apiHostname(), "--integration-key", duo.integrationKey()},
        new String[] {"duo", "configure", WORKSPACE, "--api-hostname", duo.apiHostname(),
            "--integration-key", duo.integrationKey()},
        new String[] {"duo", "devices", WORKSPACE},
        new String[] {"duo", "use-device", WORKSPACE, "--method", "push"},
        new String[] {"open", WORKSPACE, "--passcode", "123456"});
  }

  @Test
  void everyCommandExitsFourWhenTheDataDirectoryIsAFile() throws IOException {
    Path file = Files.writeString(tempDir.resolve("data-is-a-file"), "not a directory");
    CliRunner broken = healthy.withDataDir(file);

    for (String[] command : storageCommands()) {
      assertPlainFailure(broken.run(command), STORAGE);
    }
  }

  @Test
  void everyCommandExitsFourWhenTheEmbeddedDatabaseCannotStart() throws IOException {
    Path dataDir = Files.createDirectories(tempDir.resolve("garbled"));
    Files.writeString(Files.createDirectories(dataDir.resolve("pg")).resolve("PG_VERSION"), "not a cluster\n");
    CliRunner broken = healthy.withDataDir(dataDir);

    for (String[] command : storageCommands()) {
      String message = assertPlainFailure(broken.run(command), STORAGE);
      assertThat(message).contains("could not be started");
    }
  }

  @Test
  void everyCommandButServeExitsFourWhenTheDatabaseCannotBeReached() throws Exception {
    // In parallel: the connection pool waits 10 s for a database before giving up. serve waits for
    // the database instead, with a log line per attempt (ServeProcessIT).
    List<CompletableFuture<CliRunner.Run>> runs = new ArrayList<>();
    for (String[] command : storageCommands()) {
      if (command[0].equals("serve")) {
        continue;
      }
      List<String> line = new ArrayList<>(List.of("--database-url", "jdbc:postgresql://127.0.0.1:1/x"));
      line.addAll(List.of(command));
      runs.add(healthy.start(line.toArray(String[]::new)));
    }

    for (CompletableFuture<CliRunner.Run> run : runs) {
      String message = assertPlainFailure(run.get(90, TimeUnit.SECONDS), STORAGE);
      assertThat(message).contains("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/x");
    }
  }

  @Test
  void everyCommandThatAsksDuoExitsThreeWhenTheCaFileIsMissing() {
    CliRunner broken = healthy.withDuoCaFile(tempDir.resolve("no-such-ca.pem"));

    for (String[] command : duoCommands()) {
      String message = assertPlainFailure(broken.run(command), DUO_OR_CONFIGURATION);
      assertThat(message).contains("no-such-ca.pem: no such file")
          .as("a local file is never reported as Duo refusing the credentials").doesNotContainIgnoringCase("credentials");
    }
    healthy.run("workspace", "show", WORKSPACE).succeeds();
  }

  /** The exit code, and one line on standard error without a stack trace or a Java class name. */
  private static String assertPlainFailure(CliRunner.Run run, int expected) {
    String message = run.failsWith(expected);
    assertThat(message).as(run.command()).doesNotContainPattern(CLASS_NAME);
    return message;
  }
}
