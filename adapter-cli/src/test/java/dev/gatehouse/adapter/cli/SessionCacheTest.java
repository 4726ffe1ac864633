package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.RIGHT_PASSCODE;
import static dev.gatehouse.adapter.cli.CliHarness.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.in.session.GetSessionQuery;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The session cache: {@code open} stores, {@code close} revokes and forgets, {@code entry}
 * commands reuse a live session or run the open flow inline (with Duo's progress on standard
 * error), and drop a session Gatehouse no longer accepts.
 */
class SessionCacheTest {

  private static List<Path> files(CliHarness cli) throws IOException {
    if (!Files.isDirectory(cli.sessionDirectory())) {
      return List.of();
    }
    try (Stream<Path> listed = Files.list(cli.sessionDirectory())) {
      return listed.toList();
    }
  }

  private static String tokenIn(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("token="))
        .map(l -> l.substring("token=".length())).findFirst().orElseThrow();
  }

  private static boolean live(CliHarness cli, String token) {
    return cli.env.gatehouse.getSession().get(new GetSessionQuery(new SessionCredentials(new UserName(MEMBER),
        new WorkspaceName(WORKSPACE), new SecretToken(token)))).isPresent();
  }

  @Test
  void openStoresTheSessionInAFileOnlyItsOwnerCanRead() throws IOException {
    CliHarness cli = CliHarness.withWorkspace();

    Result opened = cli.runAs(MEMBER, "open", WORKSPACE, "--json");

    assertThat(opened.exit()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.sessionDirectory())))
        .isEqualTo("rwx------");
    assertThat(files(cli)).singleElement().satisfies(file -> {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(file.getFileName().toString()).matches("[0-9a-f]{32}\\.session");
      assertThat(tokenIn(file)).isEqualTo(opened.json().get("sessionToken").asText());
      assertThat(Files.readString(file)).contains("expiresAt=2026-11-29T17:00:00Z", "user=bob", "workspace=servers");
    });
  }

  @Test
  void entryCommandsReuseTheCachedSessionWithoutAskingDuo() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.resolvePushesWith(CliHarness.approved());
    assertThat(cli.runAs(MEMBER, "open", WORKSPACE).exit()).isZero();
    long pushes = cli.env.duo.count(Operation.START_AUTH);

    Result list = cli.runAs(MEMBER, "entry", "list", WORKSPACE);
    Result again = cli.runAs(MEMBER, "entry", "list", WORKSPACE, "--json");

    assertThat(list.exit()).isZero();
    assertThat(list.err()).isEmpty();
    assertThat(again.json().isArray()).isTrue();
    assertThat(cli.env.duo.count(Operation.START_AUTH)).isEqualTo(pushes);
  }

  @Test
  void withoutACachedSessionAnEntryCommandOpensTheWorkspaceFirstWithProgressOnStandardError() throws IOException {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.resolvePushesWith(CliHarness.approved());

    Result result = cli.runAs(MEMBER, "entry", "list", WORKSPACE, "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.json().isArray()).as("standard output is the command's own").isTrue();
    assertThat(result.errLines()).containsExactly(
        "No session of workspace servers is cached here; opening it first...",
        "Pushed a login request to your device...",
        "Success. Logging you in...",
        "Workspace servers is open (Duo approved), until 2026-11-29T17:00:00Z.");
    assertThat(files(cli)).hasSize(1);
    long pushes = cli.env.duo.count(Operation.START_AUTH);
    assertThat(cli.runAs(MEMBER, "entry", "list", WORKSPACE).err()).isEmpty();
    assertThat(cli.env.duo.count(Operation.START_AUTH)).as("the inline session was cached").isEqualTo(pushes);
  }

  @Test
  void theInlineOpenFlowAsksForAPasscodeLikeOpen() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    cli.stdin = RIGHT_PASSCODE + "\n";

    Result result = cli.runAs(MEMBER, "entry", "list", WORKSPACE, "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.json()).isEmpty();
    assertThat(result.err()).contains("Workspace servers is open (Duo approved)").doesNotContain(RIGHT_PASSCODE);
  }

  @Test
  void aPasscodeOptionAnswersTheInlineFlowLikeOpen() {
    CliHarness cli = CliHarness.withActiveDevice("sms");

    Result result = cli.runAs(MEMBER, "entry", "list", WORKSPACE, "--passcode", RIGHT_PASSCODE);

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo("No entries in workspace servers.");
  }

  @Test
  void aDenialInTheInlineFlowEndsLikeOpenAndCachesNothing() throws IOException {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.resolvePushesWith(CliHarness.denied(DenialReason.DENIED));

    Result result = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "db1");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).last().asString().isEqualTo("gatehouse: denied: Login request denied.");
    assertThat(result.out()).isEmpty();
    assertThat(files(cli)).isEmpty();
  }

  @Test
  void ctrlCInTheInlineFlowCancelsThePushAndExits130() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");

    CompletableFuture<Result> running = cli.start(MEMBER, "entry", "list", WORKSPACE);
    CliHarness.await("the push is pending and Ctrl-C armed",
        () -> cli.env.duo.count(Operation.AWAIT_STATUS) >= 2 && cli.interrupts.isArmed());
    cli.interrupts.fire();
    Result result = running.get(10, TimeUnit.SECONDS);

    assertThat(result.exit()).isEqualTo(130);
    assertThat(result.errLines()).last().asString().isEqualTo("gatehouse: cancelled; the pending Duo request was withdrawn");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aSessionTheServerRevokedIsDroppedAndTheWorkspaceOpenedAgain() throws IOException {
    CliHarness cli = CliHarness.withWorkspace();
    cli.runAs(MEMBER, "open", WORKSPACE);
    String first = tokenIn(files(cli).get(0));
    JsonNode sessions = cli.run("session", "list", WORKSPACE, "--json").json();
    assertThat(sessions).singleElement().satisfies(s -> assertThat(s.get("user").asText()).isEqualTo(MEMBER));
    Result revoked = cli.run("session", "revoke", WORKSPACE, sessions.get(0).get("id").asText());
    assertThat(revoked.out().strip()).startsWith("Revoked session ");

    Result result = cli.runAs(MEMBER, "entry", "list", WORKSPACE);

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.errLines()).first().asString()
        .isEqualTo("The cached session of workspace servers has ended; opening it first...");
    String second = tokenIn(files(cli).get(0));
    assertThat(second).isNotEqualTo(first);
    assertThat(live(cli, second)).isTrue();
  }

  @Test
  void closeRevokesTheSessionAndForgetsIt() throws IOException {
    CliHarness cli = CliHarness.withWorkspace();
    cli.runAs(MEMBER, "open", WORKSPACE);
    String token = tokenIn(files(cli).get(0));

    Result closed = cli.runAs(MEMBER, "close", WORKSPACE);
    Result again = cli.runAs(MEMBER, "close", WORKSPACE, "--json");

    assertThat(closed.exit()).isZero();
    assertThat(closed.out().strip()).isEqualTo("Workspace servers is closed; the next entry command asks Duo again.");
    assertThat(files(cli)).isEmpty();
    assertThat(live(cli, token)).as("revoked, not only forgotten").isFalse();
    assertThat(again.exit()).isZero();
    assertThat(again.json().get("closed").asBoolean()).isFalse();
    assertThat(cli.runAs(MEMBER, "close", WORKSPACE).out().strip())
        .isEqualTo("No session of workspace servers is cached here; nothing to close.");
  }

  @Test
  void closingASessionThatAlreadyEndedStillForgetsIt() throws IOException {
    CliHarness cli = CliHarness.withWorkspace();
    cli.runAs(MEMBER, "open", WORKSPACE);
    cli.env.clock.advance(java.time.Duration.ofHours(9));

    Result closed = cli.runAs(MEMBER, "close", WORKSPACE);

    assertThat(closed.exit()).isZero();
    assertThat(closed.out().strip()).startsWith("Workspace servers was already closed");
    assertThat(files(cli)).isEmpty();
  }

  @Test
  void thereIsOneFilePerDataSourceUserAndWorkspace() throws IOException {
    CliHarness cli = CliHarness.withWorkspace();

    cli.runAs(MEMBER, "open", WORKSPACE);
    cli.runAs(MEMBER, "open", WORKSPACE);
    cli.runAs(CliHarness.OTHER_MEMBER, "open", WORKSPACE);
    cli.runAs(MEMBER, "open", WORKSPACE, "--data-dir", cli.stateHome.resolve("other-data").toString());
    cli.runAs(MEMBER, "open", WORKSPACE, "--database-url", "jdbc:postgresql://db.example/gatehouse");

    assertThat(files(cli)).hasSize(4);
    assertThat(files(cli)).allSatisfy(file -> assertThat(Files.readString(file)).doesNotContain("postgresql", "other-data"));
  }

  @Test
  void aCacheFileOthersCanReadIsNotTrusted() throws IOException {
    CliHarness cli = CliHarness.withWorkspace();
    cli.runAs(MEMBER, "open", WORKSPACE);
    Path file = files(cli).get(0);
    String first = tokenIn(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    Result result = cli.runAs(MEMBER, "entry", "list", WORKSPACE);

    assertThat(result.exit()).isZero();
    assertThat(result.errLines()).first().asString().startsWith("No session of workspace servers is cached here");
    assertThat(tokenIn(files(cli).get(0))).isNotEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files(cli).get(0)))).isEqualTo("rw-------");
  }

  @Test
  void aCacheThatCannotBeWrittenLeavesTheWorkspaceOpenWithAWarning() throws IOException {
    CliHarness cli = CliHarness.withWorkspace();
    Path notADirectory = Files.writeString(cli.stateHome.resolve("file"), "x");
    cli.environment.put(CliSessionCache.STATE_HOME_VARIABLE, notADirectory.toString());

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("Session token: ");
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("gatehouse: warning: the session was not cached (").doesNotContain("Session token");
  }

  @Test
  void theCacheLivesUnderXdgStateHomeElseUnderHome() {
    assertThat(CliSessionCache.directory(Map.of("XDG_STATE_HOME", "/state", "HOME", "/home/bob")))
        .isEqualTo(Path.of("/state/gatehouse/sessions"));
    assertThat(CliSessionCache.directory(Map.of("HOME", "/home/bob")))
        .isEqualTo(Path.of("/home/bob/.local/state/gatehouse/sessions"));
    assertThat(CliSessionCache.directory(Map.of("XDG_STATE_HOME", "relative", "HOME", "/home/bob")))
        .as("a relative XDG_STATE_HOME is ignored").isEqualTo(Path.of("/home/bob/.local/state/gatehouse/sessions"));
    RuntimeOptions none = new RuntimeOptions(Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(CliSessionCache.dataSource(none, Map.of("HOME", "/home/bob")))
        .isEqualTo(CliSessionCache.dataSource(new RuntimeOptions(Optional.of(Path.of("/home/bob/.gatehouse")),
            Optional.empty(), Optional.empty()), Map.of()));
  }

  @Test
  void aRemovedMemberSessionIsRefusedAndTheInlineOpenDenied() {
    CliHarness cli = CliHarness.withWorkspace();
    cli.runAs(MEMBER, "open", WORKSPACE);
    cli.run("workspace", "remove-member", WORKSPACE, MEMBER);

    Result result = cli.runAs(MEMBER, "entry", "list", WORKSPACE);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).last().asString()
        .isEqualTo("gatehouse: access denied: bob is not a member of workspace servers");
  }
}
