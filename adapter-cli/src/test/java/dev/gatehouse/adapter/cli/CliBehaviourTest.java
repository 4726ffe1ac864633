package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.ADMIN;
import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapter.cli.CliHarness.Result;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.domain.user.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line as a whole: help, version, usage errors, global options, environment, colour. */
class CliBehaviourTest {

  @Test
  void helpListsTheCommandsAndExitCodesWithoutBuildingGatehouse() {
    CliHarness cli = new CliHarness();

    Result result = cli.run("--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("Usage: gatehouse", "user", "token", "workspace", "duo", "open",
        "audit", "mfa", "suspension", "--user", "GATEHOUSE_USER", "--data-dir", "--database-url",
        "--duo-ca-file", "Exit codes:", "GATEHOUSE_DUO_SECRET_KEY");
    assertThat(result.err()).isEmpty();
    assertThat(cli.gatehouseBuilt).hasValue(0);
  }

  @Test
  void versionAnswersWithoutBuildingGatehouse() {
    CliHarness cli = new CliHarness();

    // The first two are answered before the command tree is built, the others by picocli: alike.
    for (List<String> args : List.of(List.of("--version"), List.of("-V"), List.of("--data-dir", "/d", "--version"),
        List.of("workspace", "-V"))) {
      Result result = cli.run(args.toArray(String[]::new));
      assertThat(result.exit()).as("%s", args).isZero();
      assertThat(result.out()).as("%s", args).isEqualTo("gatehouse " + VERSION + System.lineSeparator());
      assertThat(result.err()).as("%s", args).isEmpty();
    }
    assertThat(cli.gatehouseBuilt).hasValue(0);
  }

  @Test
  void subcommandHelpWorksAtEveryLevelWithoutBuildingGatehouse() {
    CliHarness cli = new CliHarness();

    for (List<String> args : List.of(List.of("open", "--help"), List.of("duo", "use-device", "-h"),
        List.of("workspace", "--help"), List.of("duo", "configure", "--help"))) {
      Result result = cli.run(args.toArray(String[]::new));
      assertThat(result.exit()).as("%s", args).isZero();
      assertThat(result.out()).as("%s", args).contains("Usage: gatehouse " + args.get(0));
    }
    assertThat(cli.run("duo", "configure", "--help").out())
        .contains("--secret-key-file", "--secret-key-env", "--failmode", "--json");
    assertThat(cli.gatehouseBuilt).hasValue(0);
  }

  @Test
  void useDeviceHelpShowsItsOwnArgumentsOneExampleAndWhereTheGlobalOptionsAre() {
    Result result = new CliHarness().run("duo", "use-device", "--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("Usage: gatehouse duo use-device", "WORKSPACE", "[DEVICE]",
        "leave it out", "--method=push|sms|phone|passcode",
        "--passcode-stdin", "gatehouse duo devices",
        "Example:" + System.lineSeparator() + "  gatehouse duo use-device servers --method push",
        "Global options (--user, --data-dir, --database-url, --duo-ca-file) and exit")
        .endsWith("codes: gatehouse --help" + System.lineSeparator())
        .doesNotContain("--data-dir=", "--database-url=", "--duo-ca-file=", "--user=", "--version",
            "Exit codes:", "GATEHOUSE_DUO_SECRET_KEY");
  }

  @Test
  void everyCommandsHelpHasOneExampleAndPointsToTheGlobalOptionsOnce() {
    CliHarness cli = new CliHarness();
    List<List<String>> leaves = List.of(List.of("user", "add"), List.of("token", "issue"),
        List.of("workspace", "create"), List.of("workspace", "list"), List.of("workspace", "show"),
        List.of("workspace", "add-member"), List.of("workspace", "remove-member"), List.of("duo", "check"),
        List.of("duo", "configure"), List.of("duo", "devices"), List.of("duo", "use-device"), List.of("open"),
        List.of("audit"), List.of("mfa", "disable"), List.of("suspension", "clear"));

    for (List<String> leaf : leaves) {
      List<String> args = new java.util.ArrayList<>(leaf);
      args.add("--help");
      String help = cli.run(args.toArray(String[]::new)).out();
      assertThat(help.split("Example:", -1)).as("%s", leaf).hasSize(2);
      assertThat(help).as("%s", leaf).contains("Example:" + System.lineSeparator() + "  gatehouse " + String.join(" ", leaf))
          .doesNotContain("--data-dir=", "Exit codes:");
      assertThat(help.split("Global options", -1)).as("%s", leaf).hasSize(2);
    }
    String root = cli.run("--help").out();
    assertThat(root).contains("--data-dir=DIR", "Exit codes:", "130", "--passcode-stdin",
        "Run 'gatehouse COMMAND --help'").doesNotContain("Example:", "Global options (");
  }

  @Test
  void globalOptionsAreStillTakenAfterTheSubcommand() {
    CliHarness cli = CliHarness.withWorkspace();

    Result result = cli.run("workspace", "list", "--user", CliHarness.MEMBER, "--data-dir", "/d");

    assertThat(result.exit()).isZero();
    assertThat(cli.runtimeSeen.get().dataDir()).contains(Path.of("/d"));
  }

  @Test
  void noCommandIsAUsageErrorOnOneLine() {
    CliHarness cli = new CliHarness();

    Result result = cli.run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(1).first().asString()
        .startsWith("gatehouse: missing command").contains("--help");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aGroupWithoutItsSubcommandIsAUsageError() {
    Result result = new CliHarness().run("workspace");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString()
        .contains("missing command: gatehouse workspace create|list|show|add-member|remove-member");
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrorsOnOneLine() {
    CliHarness cli = new CliHarness();

    for (List<String> args : List.of(List.of("frobnicate"), List.of("workspace", "list", "--bogus"),
        List.of("duo", "check", "--api-hostname", "api-x.duosecurity.com"),
        List.of("audit", "--limit", "many"), List.of("user", "add"))) {
      Result result = cli.run(args.toArray(String[]::new));
      assertThat(result.exit()).as("%s", args).isEqualTo(2);
      assertThat(result.errLines()).as("%s", args).singleElement().asString().startsWith("gatehouse: ");
      assertThat(result.err()).as("%s", args).doesNotContain("\tat ", "Exception");
    }
    assertThat(cli.gatehouseBuilt).hasValue(0);
  }

  @Test
  void theActingUserComesFromTheOptionBeforeOrAfterTheSubcommand() {
    CliHarness cli = CliHarness.withDuo();
    cli.approval(MEMBER); // bob issues his own token

    assertThat(cli.run("--user", MEMBER, "token", "issue", ADMIN).exit()).isEqualTo(1);
    assertThat(cli.run("token", "issue", ADMIN, "--user", MEMBER).exit()).isEqualTo(1);
    assertThat(cli.run("token", "issue", "--user", MEMBER, MEMBER).exit()).isZero();
  }

  @Test
  void anActingUserMayBeNamedLikeACommand() {
    CliHarness cli = CliHarness.withDuo();
    cli.addUser("admin", Role.ADMINISTRATOR);
    cli.addUser("open", Role.MEMBER);
    cli.approval("open"); // "open" issues its own token

    assertThat(cli.run("--user", "admin", "token", "issue", MEMBER).exit()).isZero();
    assertThat(cli.run("--user=admin", "token", "issue", MEMBER).exit()).isZero();
    assertThat(cli.run("token", "issue", MEMBER, "--user", "admin").exit()).isZero();
    Result asOpen = cli.run("--user", "open", "token", "issue", MEMBER);
    assertThat(asOpen.exit()).isEqualTo(1);
    assertThat(asOpen.err()).contains("open may issue tokens only for themselves");
    assertThat(cli.run("--user=open", "token", "issue", "open").exit()).isZero();
  }

  @Test
  void theActingUserComesFromTheEnvironmentThenTheOperatingSystem() {
    CliHarness cli = CliHarness.withWorkspace();

    assertThat(cli.run("token", "issue", MEMBER).exit()).as("alice, the OS user, is an administrator").isZero();
    cli.environment.put("GATEHOUSE_USER", MEMBER);
    Result asBob = cli.run("token", "issue", ADMIN);
    assertThat(asBob.exit()).isEqualTo(1);
    assertThat(asBob.err()).contains("bob may issue tokens only for themselves");
    assertThat(cli.run("--user", ADMIN, "token", "issue", MEMBER).exit()).as("the option wins").isZero();
  }

  @Test
  void aMalformedActingUserIsInvalidInput() {
    Result result = CliHarness.withWorkspace().run("--user", "not a name", "workspace", "list");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString()
        .isEqualTo("gatehouse: --user must be 1 to 64 letters, digits or . _ @ - (starting with a letter or digit)");
  }

  @Test
  void runtimeOptionsReachTheFactoryFromOptionsOrEnvironment() {
    CliHarness cli = CliHarness.withWorkspace();
    cli.environment.put("GATEHOUSE_DATABASE_URL", "jdbc:postgresql://db.example/gatehouse");
    cli.environment.put("GATEHOUSE_DATA_DIR", "/from/env");

    cli.run("--data-dir", "/var/lib/gatehouse", "workspace", "list", "--duo-ca-file", "/etc/duo-ca.pem");

    assertThat(cli.runtimeSeen.get()).isEqualTo(new RuntimeOptions(Optional.of(Path.of("/var/lib/gatehouse")),
        Optional.of("jdbc:postgresql://db.example/gatehouse"), Optional.of(Path.of("/etc/duo-ca.pem"))));
  }

  @Test
  void anEmptyPathOptionIsInvalidUsageInsteadOfTheCurrentDirectory() {
    CliHarness cli = CliHarness.withWorkspace();

    Result dataDir = cli.run("--data-dir", "", "workspace", "list");
    Result blankDataDir = cli.run("workspace", "list", "--data-dir", "  ");
    Result caFile = cli.run("--duo-ca-file", "", "workspace", "list");

    assertThat(dataDir.exit()).isEqualTo(2);
    assertThat(dataDir.errLines()).singleElement().asString().startsWith("gatehouse: ")
        .contains("--data-dir").contains("must not be empty");
    assertThat(blankDataDir.exit()).isEqualTo(2);
    assertThat(caFile.exit()).isEqualTo(2);
    assertThat(caFile.errLines()).singleElement().asString().contains("--duo-ca-file").contains("must not be empty");
    assertThat(cli.gatehouseBuilt).as("refused before Gatehouse is built").hasValue(0);
  }

  @Test
  void gatehouseIsBuiltOnceAndOnlyWhenACommandNeedsIt() {
    CliHarness cli = CliHarness.withWorkspace();

    assertThat(cli.run("workspace", "show", "not a name").exit()).isEqualTo(2);
    assertThat(cli.gatehouseBuilt).as("malformed input fails before Gatehouse is built").hasValue(0);
    assertThat(cli.run("workspace", "list").exit()).isZero();
    assertThat(cli.gatehouseBuilt).hasValue(1);
  }

  @Test
  void aStorageFailureExitsWithFour() {
    CliHarness cli = CliHarness.withWorkspace();
    cli.env.store.failOnWrite(1);

    Result result = cli.run("workspace", "create", "staging");

    assertThat(result.exit()).isEqualTo(4);
    assertThat(result.errLines()).singleElement().asString().startsWith("gatehouse: storage failed");
  }

  @Test
  void gatehouseThatCannotStartIsReportedOnOneLine() {
    CliHarness cli = new CliHarness();
    cli.factory = options -> {
      throw new StorageProblemException("cannot start the embedded database", new IllegalStateException("port in use"));
    };

    Result result = cli.run("workspace", "list");

    assertThat(result.exit()).isEqualTo(4);
    assertThat(result.errLines()).containsExactly("gatehouse: cannot start the embedded database");
  }

  @Test
  void anUnexpectedFailureIsOneLineWithoutAStackTrace() {
    CliHarness cli = new CliHarness();
    cli.factory = options -> {
      throw new IllegalStateException("boom\n\tat somewhere");
    };

    Result result = cli.run("workspace", "list");

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.errLines()).containsExactly("gatehouse: unexpected problem: boom at somewhere");
  }

  @Test
  void noColourWithoutATerminal() {
    Result result = CliHarness.withWorkspace().run("workspace", "list");

    assertThat(result.out()).doesNotContain("\u001b[");
  }

  @Test
  void colourOnATerminalUnlessNoColorIsSet() {
    CliHarness cli = CliHarness.withWorkspace();
    cli.console = CliHarness.TestConsole.terminal();

    assertThat(cli.run("workspace", "list").out()).contains("\u001b[1mNAME");
    cli.environment.put("NO_COLOR", "1");
    assertThat(cli.run("workspace", "list").out()).doesNotContain("\u001b[").contains("NAME");
    assertThat(cli.run("--help").out()).doesNotContain("\u001b[");
  }

  @Test
  void extensionsJoinTheTreeWithTheirOptionsAndTheGlobalOnes() {
    CliHarness cli = new CliHarness();
    List<CliExtension.Invocation> seen = new java.util.ArrayList<>();
    cli.extensions = List.of(new CliExtension("serve", "Run the REST API.",
        List.of(CliExtension.Option.withValue("--port", "N", "Port."), CliExtension.Option.flag("--verbose", "Talk.")),
        invocation -> {
          seen.add(invocation);
          invocation.out().println("serving");
          return 0;
        }));

    Result result = cli.run("serve", "--port", "9090", "--data-dir", "/d");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("serving" + System.lineSeparator());
    assertThat(seen).singleElement().satisfies(invocation -> {
      assertThat(invocation.options()).containsExactly(java.util.Map.entry("--port", "9090"));
      assertThat(invocation.runtime().dataDir()).contains(Path.of("/d"));
    });
    assertThat(cli.run("--help").out()).contains("serve", "Run the REST API.");
    assertThat(cli.run("serve", "--help").out()).contains("--port=N", "--verbose");
    assertThat(cli.run("serve", "--bind").exit()).isEqualTo(2);
    assertThat(cli.gatehouseBuilt).hasValue(0);
  }

  @Test
  void anExtensionsFailureIsMappedLikeAnyOther() {
    CliHarness cli = new CliHarness();
    cli.extensions = List.of(new CliExtension("demo", "Run the demo.", List.of(), invocation -> {
      throw new StorageProblemException("storage failed: disk full", null);
    }));

    Result result = cli.run("demo");

    assertThat(result.exit()).isEqualTo(4);
    assertThat(result.errLines()).containsExactly("gatehouse: storage failed: disk full");
  }
}
