package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.ADMIN;
import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.OTHER_MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.OUTSIDER;
import static dev.gatehouse.adapter.cli.CliHarness.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.UserName;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code entry list|show|add|edit|remove|reveal}: carol is an editor of {@code servers}, bob a
 * reader; the workspace has no second factor, so each command opens it on its own when needed.
 */
class EntrySubcommandsTest {
  private static final String PASSWORD = "Tr0ub4dor&3-horse";
  private static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
      + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
      + "-----END OPENSSH PRIVATE KEY-----\n";

  private final CliHarness cli = editorAndReader();

  private static CliHarness editorAndReader() {
    CliHarness cli = CliHarness.withWorkspace();
    Result role = cli.run("workspace", "add-member", WORKSPACE, OTHER_MEMBER, "--role", "editor");
    assertThat(role.exit()).as(role.err()).isZero();
    cli.environment.put("DB_PASSWORD", PASSWORD);
    return cli;
  }

  private Result editor(String... args) {
    return cli.runAs(OTHER_MEMBER, args);
  }

  private Result addDatabase() {
    Result added = editor("entry", "add", WORKSPACE, "db1", "--kind", "database", "--host", "db1.internal",
        "--port", "5432", "--username", "app", "--tag", "prod", "--tag", "eu", "--notes", "primary",
        "--password-env", "DB_PASSWORD");
    assertThat(added.exit()).as(added.err()).isZero();
    return added;
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(cli.stateHome.resolve(name), content, StandardCharsets.UTF_8);
  }

  private List<AuditEvent> audit(AuditEventType type) {
    return cli.env.gatehouse.listAuditEvents()
        .list(new ListAuditEventsQuery(new UserName(ADMIN), Optional.empty(), Optional.empty(), 1000))
        .stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void anEditorAddsAnEntryWithASecretThatNeverShows() {
    Result added = addDatabase();

    assertThat(added.out().strip())
        .isEqualTo("Added entry db1 (database, db1.internal, secret: password) to workspace servers.");
    assertThat(added.out() + added.err()).doesNotContain(PASSWORD);
    assertThat(audit(AuditEventType.ENTRY_ADDED)).hasSize(1);
  }

  @Test
  void everyMemberListsEntriesWithoutTheirSecrets() {
    addDatabase();
    editor("entry", "add", WORKSPACE, "jump", "--kind", "ssh", "--host", "jump.example.org");

    Result text = cli.runAs(MEMBER, "entry", "list", WORKSPACE);
    Result json = cli.runAs(MEMBER, "entry", "list", WORKSPACE, "--json");

    assertThat(text.exit()).isZero();
    assertThat(text.outLines()).containsExactly(
        "NAME  KIND      HOST              PORT  USERNAME  SECRET    TAGS",
        "db1   database  db1.internal      5432  app       password  eu, prod",
        "jump  ssh       jump.example.org  -     -         none      -");
    JsonNode entries = json.json();
    assertThat(entries.isArray()).isTrue();
    assertThat(entries).hasSize(2);
    JsonNode db = entries.get(0);
    assertThat(db.get("name").asText()).isEqualTo("db1");
    assertThat(db.get("kind").asText()).isEqualTo("database");
    assertThat(db.get("port").asInt()).isEqualTo(5432);
    assertThat(db.get("tags")).extracting(JsonNode::asText).containsExactly("eu", "prod");
    assertThat(db.get("hasSecret").asBoolean()).isTrue();
    assertThat(db.get("secretKind").asText()).isEqualTo("password");
    assertThat(db.get("version").asLong()).isZero();
    assertThat(db.has("password")).isFalse();
    assertThat(text.out() + text.err() + json.out() + json.err()).doesNotContain(PASSWORD);
  }

  @Test
  void anEmptyWorkspaceSaysSo() {
    Result result = cli.runAs(MEMBER, "entry", "list", WORKSPACE);

    assertThat(result.exit()).isZero();
    assertThat(result.out().strip()).isEqualTo("No entries in workspace servers.");
  }

  @Test
  void showPrintsEveryFieldButTheSecret() {
    addDatabase();

    Result text = cli.runAs(MEMBER, "entry", "show", WORKSPACE, "db1");
    Result json = cli.runAs(MEMBER, "entry", "show", WORKSPACE, "db1", "--json");

    assertThat(text.exit()).isZero();
    assertThat(text.outLines()).anyMatch(line -> line.matches("Host +db1.internal"))
        .anyMatch(line -> line.matches("Secret +password \\(gatehouse entry reveal\\)"))
        .anyMatch(line -> line.matches("Created +2026-11-29T09:00:00Z by carol"))
        .contains("  primary");
    assertThat(json.json().get("createdBy").asText()).isEqualTo(OTHER_MEMBER);
    assertThat(text.out() + json.out()).doesNotContain(PASSWORD);
  }

  @Test
  void revealPrintsTheSecretAloneForPipingAndIsAudited() {
    addDatabase();

    Result result = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "db1");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo(PASSWORD + System.lineSeparator());
    assertThat(result.err()).doesNotContain(PASSWORD);
    assertThat(audit(AuditEventType.CREDENTIAL_REVEALED)).singleElement()
        .satisfies(event -> assertThat(event.actor()).contains(new UserName(MEMBER)));
  }

  @Test
  void revealJsonNamesTheEntryTheUserAndTheKindOfSecret() throws IOException {
    Path key = file("id_ed25519", PRIVATE_KEY);
    editor("entry", "add", WORKSPACE, "jump", "--kind", "ssh", "--host", "jump.example.org",
        "--username", "ops", "--private-key-file", key.toString());

    JsonNode key1 = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "jump", "--json").json();
    Result plain = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "jump");

    assertThat(key1.get("entry").asText()).isEqualTo("jump");
    assertThat(key1.get("username").asText()).isEqualTo("ops");
    assertThat(key1.get("privateKey").asText()).isEqualTo(PRIVATE_KEY);
    assertThat(key1.has("password")).isFalse();
    assertThat(plain.out()).as("a key keeps its own last line break").isEqualTo(PRIVATE_KEY);
  }

  @Test
  void aPasswordIsReadFromAFileOrAPromptWithoutEcho() throws IOException {
    Path passwordFile = file("pw.txt", PASSWORD + "\n");
    cli.console = CliHarness.TestConsole.terminal("typed-secret-1");

    Result fromFile = editor("entry", "add", WORKSPACE, "a", "--kind", "rdp", "--host", "a", "--password-file",
        passwordFile.toString());
    Result prompted = editor("entry", "add", WORKSPACE, "b", "--kind", "rdp", "--host", "b", "--password-prompt");

    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    assertThat(prompted.exit()).as(prompted.err()).isZero();
    assertThat(cli.console.prompts).containsExactly("Password (not shown): ");
    assertThat(cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "a").out().strip()).isEqualTo(PASSWORD);
    assertThat(cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "b").out().strip()).isEqualTo("typed-secret-1");
    assertThat(prompted.out() + prompted.err()).doesNotContain("typed-secret-1");
  }

  @Test
  void withoutATerminalThePromptReadsALineOfStandardInput() {
    cli.stdin = "piped-secret-2\n";

    Result result = editor("entry", "add", WORKSPACE, "c", "--kind", "vnc", "--host", "c", "--password-prompt");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "c").out().strip()).isEqualTo("piped-secret-2");
  }

  @Test
  void aSecretOnTheCommandLineIsRefusedWithAHintAndNeverRepeated() {
    int built = cli.gatehouseBuilt.get();
    List<List<String>> attempts = List.of(
        List.of("--password", "hunter2-on-argv"),
        List.of("--password=hunter2-on-argv"),
        List.of("--private-key", "hunter2-on-argv"),
        List.of("--pass", "hunter2-on-argv"),
        List.of("--secret=hunter2-on-argv"));
    for (List<String> secret : attempts) {
      List<String> args = new ArrayList<>(List.of("entry", "add", WORKSPACE, "x", "--kind", "ssh", "--host", "x"));
      args.addAll(secret);
      Result result = editor(args.toArray(String[]::new));

      assertThat(result.exit()).as("%s", secret).isEqualTo(2);
      assertThat(result.errLines()).as("%s", secret).singleElement().asString()
          .startsWith("gatehouse: ").contains("never taken as an argument", "--password-file", "--password-env",
              "--private-key-file", "--password-prompt");
      assertThat(result.out() + result.err()).as("%s", secret).doesNotContain("hunter2-on-argv");
    }
    assertThat(cli.gatehouseBuilt).as("refused before anything is opened").hasValue(built);
  }

  @Test
  void helpShowsTheSecretSourcesButNoPasswordOption() {
    Result add = cli.run("entry", "add", "--help");
    Result edit = cli.run("entry", "edit", "--help");

    assertThat(add.exit()).isZero();
    assertThat(add.out()).contains("--password-file", "--password-env", "--private-key-file", "--password-prompt",
        "--kind", "--host", "--tag");
    assertThat(add.out() + edit.out()).doesNotContain("--password=", "--password VALUE", "--private-key=",
        "--private-key VALUE");
    assertThat(edit.out()).contains("--clear-secret", "--name", "--version");
    assertThat(cli.run("entry", "reveal", "--help").out()).contains("Usage: gatehouse entry reveal");
  }

  @Test
  void aPrivateKeyOver16KiBIsRefusedAsInvalidInput() throws IOException {
    Path huge = cli.stateHome.resolve("huge.key");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(2 * 1024 * 1024);
    }

    Result result = editor("entry", "add", WORKSPACE, "big", "--kind", "ssh", "--host", "big",
        "--private-key-file", huge.toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        "gatehouse: the file named by --private-key-file is too big: a secret is at most 16 KiB");
    assertThat(editor("entry", "list", WORKSPACE, "--json").json()).isEmpty();
  }

  @Test
  void unreadableOrMalformedSecretSourcesAreInvalidInput() throws IOException {
    Path twoLines = file("two-lines", "first\nsecond\n");

    Result missingFile = editor("entry", "add", WORKSPACE, "x", "--kind", "ssh", "--host", "x",
        "--password-file", cli.stateHome.resolve("nope").toString());
    Result unsetVariable = editor("entry", "add", WORKSPACE, "x", "--kind", "ssh", "--host", "x",
        "--password-env", "NOT_SET_ANYWHERE");
    Result multiLine = editor("entry", "add", WORKSPACE, "x", "--kind", "ssh", "--host", "x",
        "--password-file", twoLines.toString());
    Result two = editor("entry", "add", WORKSPACE, "x", "--kind", "ssh", "--host", "x",
        "--password-env", "DB_PASSWORD", "--password-prompt");

    assertThat(missingFile.errLines()).containsExactly("gatehouse: cannot read the file named by --password-file: no such file");
    assertThat(unsetVariable.errLines()).singleElement().asString()
        .contains("--password-env is not set").doesNotContain("NOT_SET_ANYWHERE");
    assertThat(multiLine.errLines()).containsExactly(
        "gatehouse: the file named by --password-file is not a usable password: it must be one line");
    assertThat(two.errLines()).containsExactly("gatehouse: give one secret at most, not --password-env and --password-prompt");
    assertThat(List.of(missingFile, unsetVariable, multiLine, two)).allSatisfy(r -> assertThat(r.exit()).isEqualTo(2));
  }

  @Test
  void badDetailsAreInvalidInput() {
    assertThat(editor("entry", "add", WORKSPACE, "x", "--host", "x").errLines())
        .containsExactly("gatehouse: --kind is required: one of rdp, ssh, vnc, web, database, other");
    assertThat(editor("entry", "add", WORKSPACE, "x", "--kind", "telnet", "--host", "x").errLines())
        .containsExactly("gatehouse: --kind must be one of rdp, ssh, vnc, web, database, other");
    assertThat(editor("entry", "add", WORKSPACE, "x", "--kind", "ssh").errLines())
        .containsExactly("gatehouse: --host is required");
    assertThat(editor("entry", "add", WORKSPACE, "x", "--kind", "ssh", "--host", "x", "--port", "70000").errLines())
        .containsExactly("gatehouse: --port must be between 1 and 65535");
    assertThat(editor("entry", "add", WORKSPACE, "x", "--kind", "ssh", "--host", "x", "--port", "ssh").exit())
        .isEqualTo(2);
    assertThat(editor("entry", "add", WORKSPACE, "bad name", "--kind", "ssh", "--host", "x").exit()).isEqualTo(2);
    assertThat(editor("entry", "add", WORKSPACE, "x", "--kind", "web", "--host", "x", "--url", "not a url").errLines())
        .singleElement().asString().startsWith("gatehouse: --url must be");
  }

  @Test
  void aReaderMayNotAddEditOrRemove() {
    addDatabase();

    Result add = cli.runAs(MEMBER, "entry", "add", WORKSPACE, "mine", "--kind", "ssh", "--host", "h");
    Result edit = cli.runAs(MEMBER, "entry", "edit", WORKSPACE, "db1", "--port", "1");
    Result remove = cli.runAs(MEMBER, "entry", "remove", WORKSPACE, "db1");

    assertThat(add.exit()).isEqualTo(1);
    assertThat(add.errLines()).last().asString().isEqualTo("gatehouse: access denied: bob is a reader of workspace "
        + "servers; only editors add, edit or remove entries");
    assertThat(edit.exit()).isEqualTo(1);
    assertThat(remove.exit()).isEqualTo(1);
  }

  @Test
  void anOutsiderIsDenied() {
    Result result = cli.runAs(OUTSIDER, "entry", "list", WORKSPACE);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).last().asString()
        .isEqualTo("gatehouse: access denied: mallory is not a member of workspace servers");
  }

  @Test
  void anUnknownEntryOrWorkspaceIsExitOne() {
    Result entry = cli.runAs(MEMBER, "entry", "show", WORKSPACE, "nope");
    Result reveal = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "nope");
    Result workspace = cli.runAs(MEMBER, "entry", "list", "nowhere");

    assertThat(entry.exit()).isEqualTo(1);
    assertThat(entry.errLines()).last().asString().isEqualTo("gatehouse: no entry named nope in workspace servers");
    assertThat(reveal.exit()).isEqualTo(1);
    assertThat(workspace.exit()).isEqualTo(1);
    assertThat(workspace.errLines()).last().asString().isEqualTo("gatehouse: no workspace named nowhere");
  }

  @Test
  void aTakenNameIsAConflictExitOne() {
    addDatabase();

    Result again = editor("entry", "add", WORKSPACE, "db1", "--kind", "ssh", "--host", "other");

    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.errLines()).singleElement().asString().startsWith("gatehouse: ").contains("db1");
  }

  @Test
  void editChangesWhatIsGivenKeepsTheRestAndRenames() {
    addDatabase();

    Result edited = editor("entry", "edit", WORKSPACE, "db1", "--port", "6432", "--name", "db-primary",
        "--username", "", "--json");

    assertThat(edited.exit()).as(edited.err()).isZero();
    JsonNode json = edited.json();
    assertThat(json.get("name").asText()).isEqualTo("db-primary");
    assertThat(json.get("port").asInt()).isEqualTo(6432);
    assertThat(json.get("host").asText()).as("kept").isEqualTo("db1.internal");
    assertThat(json.get("tags")).extracting(JsonNode::asText).as("kept").containsExactly("eu", "prod");
    assertThat(json.get("username").isNull()).as("cleared by an empty value").isTrue();
    assertThat(json.get("version").asLong()).isEqualTo(1);
    assertThat(json.get("hasSecret").asBoolean()).as("the secret is kept").isTrue();
    assertThat(cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "db-primary").out().strip()).isEqualTo(PASSWORD);
  }

  @Test
  void editReplacesOrClearsTheSecret() throws IOException {
    addDatabase();
    Path key = file("key", PRIVATE_KEY);

    Result replaced = editor("entry", "edit", WORKSPACE, "db1", "--private-key-file", key.toString());
    String revealed = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "db1").out();
    Result cleared = editor("entry", "edit", WORKSPACE, "db1", "--clear-secret");
    Result nothing = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "db1");
    Result both = editor("entry", "edit", WORKSPACE, "db1", "--clear-secret", "--password-env", "DB_PASSWORD");

    assertThat(replaced.out().strip()).isEqualTo("Updated entry db1 in workspace servers (version 1, secret: privateKey).");
    assertThat(revealed).isEqualTo(PRIVATE_KEY);
    assertThat(cleared.out().strip()).isEqualTo("Updated entry db1 in workspace servers (version 2, secret: none).");
    assertThat(nothing.exit()).isEqualTo(1);
    assertThat(nothing.errLines()).last().asString().isEqualTo("gatehouse: entry db1 has no secret to reveal");
    assertThat(both.exit()).isEqualTo(2);
  }

  @Test
  void aStaleVersionIsRefusedBecauseTheEntryChangedMeanwhile() {
    addDatabase();
    editor("entry", "edit", WORKSPACE, "db1", "--notes", "moved");

    Result stale = editor("entry", "edit", WORKSPACE, "db1", "--port", "1", "--version", "0");
    Result staleRemove = editor("entry", "remove", WORKSPACE, "db1", "--version", "0");
    Result current = editor("entry", "edit", WORKSPACE, "db1", "--port", "1", "--version", "1");

    assertThat(stale.exit()).isEqualTo(1);
    assertThat(stale.errLines()).singleElement().asString()
        .isEqualTo("gatehouse: entry db1 is at version 1, not 0: someone changed it meanwhile; reload it and try again");
    assertThat(staleRemove.exit()).isEqualTo(1);
    assertThat(current.exit()).as(current.err()).isZero();
  }

  @Test
  void removeDeletesTheEntryAndItsSecret() {
    addDatabase();

    Result removed = editor("entry", "remove", WORKSPACE, "db1", "--json");
    Result again = editor("entry", "remove", WORKSPACE, "db1");

    assertThat(removed.exit()).isZero();
    assertThat(removed.json().get("removed").asBoolean()).isTrue();
    assertThat(editor("entry", "list", WORKSPACE, "--json").json()).isEmpty();
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.errLines()).singleElement().asString().isEqualTo("gatehouse: no entry named db1 in workspace servers");
  }

  @Test
  void inputIsCheckedBeforeDuoIsAsked() {
    CliHarness duo = CliHarness.withActiveDevice("push");
    long preauths = duo.env.duo.count(Operation.PREAUTH);

    Result result = duo.runAs(MEMBER, "entry", "add", WORKSPACE, "x", "--kind", "ssh", "--host", "x", "--port", "0");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(duo.env.duo.count(Operation.PREAUTH)).isEqualTo(preauths);
  }
}
