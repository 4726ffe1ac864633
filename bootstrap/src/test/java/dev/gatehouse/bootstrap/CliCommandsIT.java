package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliConsole;
import dev.gatehouse.adapter.persistence.PersistenceRuntime;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import dev.gatehouse.duosim.TransactionInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's success path through the executable's entry point, with captured streams,
 * against the bundled Duo simulator over HTTPS (its default scenario) and the embedded PostgreSQL
 * of one data directory shared by the class. Each test makes its own workspace and members, so
 * the tests do not depend on each other's order; only the very first {@code user add} runs in
 * {@link #startGatehouse()}, because only the first user of a database becomes an administrator.
 */
class CliCommandsIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final AtomicInteger NAMES = new AtomicInteger();

  @TempDir
  static Path tempDir;

  private static DuoSimulator duo;
  private static PersistenceRuntime database;
  private static CliRunner gatehouse;
  private static CliRunner alice;
  private static CliRunner.Run firstUser;
  private static String phone;
  private static final String VIC_PHONE = "DPVICPHONE0000000001";

  @BeforeAll
  static void startGatehouse() {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    // Frank's pushes wait until the test answers them as his phone.
    duo.control().putUser(Scenario.User.active("frank", Scenario.Device.phone("DPFRANKPHONE00000001", "XXX-XXX-0606",
        "Frank's Pixel", "auto", "push", "sms", "phone").withPush(Scenario.Reaction.waitForControl())));
    // Vic's policy requires Verified Duo Push; his pushes wait until the test types the code as him.
    duo.control().putUser(Scenario.User.active("vic", Scenario.Device.phone(VIC_PHONE, "XXX-XXX-0707",
        "Vic's iPhone", "auto", "push", "mobile_otp").withPush(Scenario.Reaction.waitForControl()))
        .withVerifiedPush().withStaticPasscodes("424242"));
    Path caFile = duo.writeCaPem(tempDir.resolve("duo-ca.pem"));
    Path dataDir = tempDir.resolve("data");
    database = CliRunner.keepDatabaseRunning(dataDir);
    gatehouse = new CliRunner(dataDir, caFile, Map.of("GATEHOUSE_DUO_SECRET_KEY", duo.secretKey()));
    alice = gatehouse.as("alice");
    firstUser = alice.run("user", "add", "alice");
    phone = deviceOf("alice");
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

  // ---- help and version ---------------------------------------------------------------------

  @Test
  void listsEveryCommandInTheHelp() {
    CliRunner.Run help = gatehouse.run("--help").succeeds();

    assertThat(help.out()).contains("user", "token", "workspace", "duo", "open", "audit", "mfa", "suspension",
        "serve", "duo-simulator", "demo");
  }

  @Test
  void printsTheVersion() {
    CliRunner.Run version = gatehouse.run("--version").succeeds();

    assertThat(version.outLines()).hasSize(1);
    assertThat(version.out()).isNotBlank();
  }

  // ---- users and tokens -----------------------------------------------------------------------

  @Test
  void makesTheFirstUserAnAdministrator() {
    firstUser.succeeds();

    assertThat(firstUser.out()).isEqualTo("Added user alice (administrator, Duo username alice)."
        + System.lineSeparator());
    alice.run("workspace", "create", unique("first-admin")).succeeds();
  }

  @Test
  void addsAMemberWithTheirDuoUsername() {
    String name = unique("mia");

    JsonNode added = alice.run("user", "add", name, "--duo-username", "alice", "--json").succeeds().json();

    assertThat(added.get("name").asText()).isEqualTo(name);
    assertThat(added.get("role").asText()).isEqualTo("member");
    assertThat(added.get("duoUsername").asText()).isEqualTo("alice");
    assertThat(added.get("createdAt").asText()).isNotBlank();
  }

  @Test
  void addsAnAdministratorWhenAsked() {
    String name = unique("ops");

    CliRunner.Run run = alice.run("user", "add", name, "--admin").succeeds();

    assertThat(run.out()).contains("Added user " + name + " (administrator, Duo username " + name + ").");
    gatehouse.as(name).run("workspace", "create", unique("by-second-admin")).succeeds();
  }

  @Test
  void printsANewApiTokenAloneOnALine() {
    CliRunner.Run run = alice.run("token", "issue", "alice");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).as("the token's id goes to stderr, the token alone to stdout").contains("issued token ")
        .doesNotContain(run.out().strip());
    assertThat(run.outLines()).hasSize(1);
    assertThat(run.outLines().get(0)).matches("[A-Za-z0-9._~+/=-]{22,}");
  }

  @Test
  void printsTheTokenAsJsonWithItsIdOnce() {
    JsonNode first = alice.run("token", "issue", "alice", "--json").succeeds().json();
    JsonNode second = alice.run("token", "issue", "alice", "--json").succeeds().json();

    assertThat(fieldNames(first)).contains("id", "token");
    assertThat(first.get("id").asText()).isNotEqualTo(second.get("id").asText());
    assertThat(first.get("token").asText()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(second.get("token").asText()).isNotEqualTo(first.get("token").asText());
  }

  // ---- workspaces -----------------------------------------------------------------------------

  @Test
  void createsAWorkspace() {
    String name = unique("servers");

    CliRunner.Run text = alice.run("workspace", "create", name, "--description", "Prod RDP entries").succeeds();
    JsonNode json = alice.run("workspace", "create", name + "-b", "--json").succeeds().json();

    assertThat(text.out()).isEqualTo("Created workspace " + name + "." + System.lineSeparator());
    assertThat(json.get("name").asText()).isEqualTo(name + "-b");
    assertThat(json.get("members")).isEmpty();
    assertThat(json.get("mfa").asText()).isEqualTo("none");
    assertThat(json.get("id").asText()).isNotBlank();
  }

  @Test
  void listsWorkspacesAsAnAlignedTableAndAsJson() {
    String name = unique("listed");
    alice.run("workspace", "create", name, "--description", "Listed here").succeeds();
    alice.run("workspace", "add-member", name, "alice").succeeds();

    CliRunner.Run table = alice.run("workspace", "list").succeeds();
    JsonNode json = alice.run("workspace", "list", "--json").succeeds().json();

    List<String> lines = table.outLines();
    assertThat(lines.get(0)).startsWith("NAME").contains("MEMBERS").contains("MFA").contains("DESCRIPTION");
    String row = lines.stream().filter(line -> line.startsWith(name + " ")).findFirst().orElseThrow();
    assertThat(row.indexOf("Listed here")).isEqualTo(lines.get(0).indexOf("DESCRIPTION"));
    assertThat(table.out()).doesNotContain("\u001b[");
    assertThat(json.isArray()).isTrue();
    JsonNode listed = StreamSupport.stream(json.spliterator(), false)
        .filter(w -> w.get("name").asText().equals(name)).findFirst().orElseThrow();
    assertThat(listed.get("description").asText()).isEqualTo("Listed here");
    assertThat(listed.get("members").get(0).asText()).isEqualTo("alice");
  }

  @Test
  void showsAWorkspaceWithItsDuoSettingsButNeverTheSecretKey() {
    String name = workspaceWithDuo();

    CliRunner.Run text = alice.run("workspace", "show", name).succeeds();
    JsonNode json = alice.run("workspace", "show", name, "--json").succeeds().json();

    assertThat(text.out()).contains("Workspace").contains(name).contains("MFA").contains("duo")
        .contains(duo.apiHostname()).contains(duo.integrationKey()).contains("Failmode").contains("secure");
    assertThat(json.get("mfa").asText()).isEqualTo("duo");
    assertThat(json.get("duo").get("apiHostname").asText()).isEqualTo(duo.apiHostname());
    assertThat(json.get("duo").get("integrationKey").asText()).isEqualTo(duo.integrationKey());
    assertThat(text.out() + json).doesNotContain(duo.secretKey());
  }

  @Test
  void addsAndRemovesAMember() {
    String name = unique("team");
    String member = member("alice");
    alice.run("workspace", "create", name).succeeds();

    CliRunner.Run added = alice.run("workspace", "add-member", name, member).succeeds();
    JsonNode removed = alice.run("workspace", "remove-member", name, member, "--json").succeeds().json();

    assertThat(added.out()).contains("Added " + member + " to workspace " + name);
    assertThat(removed.get("members")).isEmpty();
    assertThat(alice.run("workspace", "show", name, "--json").succeeds().json().get("members")).isEmpty();
  }

  // ---- Duo settings ---------------------------------------------------------------------------

  @Test
  void checksDuoSettingsWithoutSavingThem() {
    CliRunner.Run text = alice.run("duo", "check", "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey()).succeeds();
    JsonNode json = alice.run("duo", "check", "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey(), "--json").succeeds().json();

    assertThat(text.out()).contains("Duo accepted the settings").contains("Nothing was saved");
    assertThat(json.get("outcome").asText()).isEqualTo("passed");
  }

  @Test
  void readsTheSecretKeyFromAFile() throws IOException {
    Path secret = Files.writeString(tempDir.resolve(unique("secret") + ".txt"), duo.secretKey() + "\n");

    alice.withoutEnvironment("GATEHOUSE_DUO_SECRET_KEY").run("duo", "check", "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey(), "--secret-key-file", secret.toString()).succeeds();
  }

  @Test
  void readsTheSecretKeyFromTheVariableNamedBySecretKeyEnv() {
    alice.withoutEnvironment("GATEHOUSE_DUO_SECRET_KEY").withEnvironment("DUO_SKEY", duo.secretKey())
        .run("duo", "check", "--api-hostname", duo.apiHostname(), "--integration-key", duo.integrationKey(),
            "--secret-key-env", "DUO_SKEY")
        .succeeds();
  }

  @Test
  void readsTheSecretKeyFromStandardInputWithoutATerminal() {
    CliRunner.Run run = alice.withoutEnvironment("GATEHOUSE_DUO_SECRET_KEY").runWithInput(duo.secretKey() + "\n",
        "duo", "check", "--api-hostname", duo.apiHostname(), "--integration-key", duo.integrationKey()).succeeds();

    assertThat(run.out()).contains("Duo accepted the settings").doesNotContain(duo.secretKey());
  }

  @Test
  void configuresDuoForAWorkspace() {
    String name = unique("protected");
    alice.run("workspace", "create", name).succeeds();

    CliRunner.Run run = alice.run("duo", "configure", name, "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey()).succeeds();

    assertThat(run.out()).contains("Duo checked and saved for workspace " + name).contains("failmode secure");
  }

  @Test
  void configuresDuoAsJsonWithTheChosenFailmode() {
    String name = unique("failsafe");
    alice.run("workspace", "create", name).succeeds();

    JsonNode json = alice.run("duo", "configure", name, "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey(), "--failmode", "safe", "--json").succeeds().json();

    assertThat(json.get("outcome").asText()).isEqualTo("configured");
    assertThat(json.get("workspace").asText()).isEqualTo(name);
    assertThat(json.get("duo").get("failmode").asText()).isEqualTo("safe");
    assertThat(json.toString()).doesNotContain(duo.secretKey());
  }

  // ---- devices --------------------------------------------------------------------------------

  @Test
  void listsTheMembersDuoDevicesWithTheirMethods() {
    String member = member("alice");
    String name = workspaceWithDuo(member);

    CliRunner.Run table = gatehouse.as(member).run("duo", "devices", name).succeeds();
    JsonNode json = gatehouse.as(member).run("duo", "devices", name, "--json").succeeds().json();

    assertThat(table.outLines().get(0)).isEqualTo("Duo: Account is active");
    assertThat(table.outLines().get(1)).startsWith("DEVICE").contains("TYPE").contains("METHODS");
    assertThat(table.out()).contains(phone).contains("Alice's iPhone").contains("push, sms, phone, passcode")
        .contains("Only one device: " + phone);
    assertThat(json.get("outcome").asText()).isEqualTo("devices");
    assertThat(json.get("suggested").asText()).isEqualTo(phone);
    JsonNode device = json.get("devices").get(0);
    assertThat(device.get("id").asText()).isEqualTo(phone);
    assertThat(texts(device.get("methods"))).containsExactly("push", "sms", "phone", "passcode");
  }

  @Test
  void activatesAPushDeviceOnceThePushIsApproved() {
    String member = member("alice");
    String name = workspaceWithDuo(member);

    CliRunner.Run run = gatehouse.as(member).run("duo", "use-device", name, phone, "--method", "push").succeeds();

    assertThat(run.out()).contains("Verifying " + phone + " with push for workspace " + name)
        .contains("Pushed a login request to your device")
        .contains("Device " + phone + " (push) is now active for workspace " + name + ".");
    JsonNode devices = gatehouse.as(member).run("duo", "devices", name, "--json").succeeds().json();
    assertThat(devices.get("active").get("method").asText()).isEqualTo("push");
  }

  @Test
  void activatesAnSmsDeviceAfterDuoSentTheCodesWithThePasscodeGiven() {
    String member = member("alice");
    String name = workspaceWithDuo(member);
    int before = duo.control().inbox(phone).size();

    JsonNode json = gatehouse.as(member).run("duo", "use-device", name, phone, "--method", "sms",
        "--passcode", "123456", "--json").succeeds().json();

    assertThat(json.get("outcome").asText()).isEqualTo("activated");
    assertThat(json.get("selection").get("method").asText()).isEqualTo("sms");
    assertThat(json.get("challenge").get("state").asText()).isEqualTo("approved");
    assertThat(duo.control().smsBatch(phone)).isNotEmpty();
    assertThat(duo.control().inbox(phone)).hasSizeGreaterThanOrEqualTo(before);
  }

  @Test
  void activatesAPasscodeDeviceWithThePasscodeTypedOnStandardInput() {
    String member = member("alice");
    String name = workspaceWithDuo(member);

    CliRunner.Run run = gatehouse.as(member).runWithInput("123456\n",
        "duo", "use-device", name, phone, "--method", "passcode").succeeds();

    assertThat(run.out()).contains("Device " + phone + " (passcode) is now active");
  }

  @Test
  void usesTheOnlyDeviceWhenUseDeviceNamesNoneAndReadsThePasscodeFromStandardInput() {
    String member = member("alice");
    String name = workspaceWithDuo(member);

    CliRunner.Run run = gatehouse.as(member).runWithInput("123456\n",
        "duo", "use-device", name, "--method", "passcode", "--passcode-stdin").succeeds();

    assertThat(run.out()).contains("Using " + phone + ", your only Duo device that can do passcode.")
        .contains("Device " + phone + " (passcode) is now active").doesNotContain("123456");
    CliRunner.Run opened = gatehouse.as(member).runWithInput("123456\n", "open", name, "--passcode-stdin")
        .succeeds();
    assertThat(opened.out()).contains("Workspace " + name + " is open (Duo approved)").doesNotContain("123456");
  }

  // ---- behind the gate ------------------------------------------------------------------------

  @Test
  void entriesOpenTheWorkspaceRevealAndCloseThroughTheRealEntryPoint() {
    String editor = member("alice");
    String name = workspaceWithActiveDevice(editor, "push");
    alice.run("workspace", "add-member", name, editor, "--role", "editor").succeeds();
    CliRunner me = gatehouse.as(editor).withEnvironment("DB_PASSWORD", "Entry-Secret-4711");

    // No session yet: the entry command asks Duo first (the simulator approves alice's pushes).
    CliRunner.Run added = me.run("entry", "add", name, "db1", "--kind", "rdp", "--host", "db1.corp.example",
        "--username", "Administrator", "--password-env", "DB_PASSWORD").succeedsWithProgress();
    assertThat(added.err()).contains("Pushed a login request to your device");
    assertThat(added.out()).contains("Added entry db1");

    CliRunner.Run listed = me.run("entry", "list", name).succeeds();
    assertThat(listed.err()).doesNotContain("Pushed a login request");
    assertThat(listed.out()).contains("db1").contains("db1.corp.example").doesNotContain("Entry-Secret-4711");
    assertThat(me.run("entry", "reveal", name, "db1").succeeds().out().strip()).isEqualTo("Entry-Secret-4711");
    JsonNode revealed = me.run("entry", "reveal", name, "db1", "--json").succeeds().json();
    assertThat(revealed.get("password").asText()).isEqualTo("Entry-Secret-4711");

    me.run("close", name).succeeds();
    JsonNode audit = alice.run("audit", name, "--json").succeeds().json();
    assertThat(audit.toString()).contains("credential_revealed").contains("session_closed")
        .doesNotContain("Entry-Secret-4711");
    // Closed: the next entry command asks Duo again.
    assertThat(me.run("entry", "list", name).succeedsWithProgress().err()).contains("Pushed a login request");
  }

  @Test
  void aSecretOnTheCommandLineIsRefusedWithoutEchoingIt() {
    String editor = member("alice");
    String name = workspaceWithActiveDevice(editor, "push");

    String refused = gatehouse.as(editor).run("entry", "add", name, "db1", "--kind", "ssh", "--host", "h",
        "--password", "Leaky-Secret-99").failsWith(2);

    assertThat(refused).doesNotContain("Leaky-Secret-99").contains("--password-");
  }

  // ---- open -----------------------------------------------------------------------------------

  @Test
  void opensAWorkspaceWhenThePushIsApproved() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "push");

    CliRunner.Run run = gatehouse.as(member).run("open", name).succeeds();

    assertThat(run.out()).contains("Pushed a login request to your device")
        .contains("Workspace " + name + " is open (Duo approved), until ");
    assertThat(run.outLines().get(run.outLines().size() - 1)).matches("Session token: \\S{22,}");
  }

  @Test
  void opensAsJsonWithTheSessionTokenShownOnce() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "push");

    JsonNode json = gatehouse.as(member).run("open", name, "--json").succeeds().json();

    assertThat(json.get("outcome").asText()).isEqualTo("granted");
    assertThat(json.get("workspace").asText()).isEqualTo(name);
    assertThat(json.get("grant").asText()).isEqualTo("duo_approved");
    assertThat(json.get("sessionToken").asText()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(json.get("expiresAt").asText()).isNotBlank();
    assertThat(json.get("challenge").get("state").asText()).isEqualTo("approved");
    assertThat(json.get("challenge").get("method").asText()).isEqualTo("push");
  }

  @Test
  void opensWithAnSmsPasscodeGivenAsAnOptionAfterDuoSentTheCodes() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "sms");
    List<String> earlier = duo.control().smsBatch(phone);

    CliRunner.Run run = gatehouse.as(member).run("open", name, "--passcode", "123456").succeeds();

    assertThat(run.out()).contains("Workspace " + name + " is open (Duo approved)");
    assertThat(duo.control().smsBatch(phone)).isNotEmpty().isNotEqualTo(earlier);
  }

  /** A mistyped SMS code leaves the challenge open: no cooldown, no second batch, the right code still opens. */
  @Test
  void aWrongSmsPasscodeLeavesTheChallengeOpenSoTheRightOneOpensWithoutANewBatch() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "sms");
    List<String> earlier = duo.control().smsBatch(phone);

    String refused = gatehouse.as(member).run("open", name, "--passcode", "000000").failsWith(1);
    List<String> batch = duo.control().smsBatch(phone);
    long smsSent = smsRequests();
    CliRunner.Run opened = gatehouse.as(member).run("open", name, "--passcode", batch.get(0)).succeeds();

    assertThat(refused).startsWith("gatehouse: the passcode was not accepted").contains("4 attempts left");
    assertThat(batch).isNotEmpty().isNotEqualTo(earlier);
    assertThat(opened.out()).contains("Workspace " + name + " is open (Duo approved)");
    assertThat(smsRequests()).as("no second SMS batch").isEqualTo(smsSent);
    assertThat(duo.control().smsBatch(phone)).isSameAs(batch);
  }

  @Test
  void opensWithTheSmsPasscodeTypedWhenAsked() throws Exception {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "sms");
    List<String> earlier = duo.control().smsBatch(phone);
    PipedOutputStream keyboard = new PipedOutputStream();
    InputStream stdin = new PipedInputStream(keyboard);

    CompletableFuture<CliRunner.Run> open = gatehouse.as(member).start(stdin, "open", name);
    List<String> batch = awaitNewSmsBatch(earlier);
    keyboard.write((batch.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    CliRunner.Run run = open.get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeds();
    keyboard.close();

    assertThat(run.out()).contains("Workspace " + name + " is open (Duo approved)").doesNotContain(batch.get(0));
  }

  @Test
  void opensWithAPasscodeTypedOnStandardInput() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "passcode");

    CliRunner.Run run = gatehouse.as(member).runWithInput("123456\n", "open", name).succeeds();

    assertThat(run.out()).contains("Workspace " + name + " is open (Duo approved)").doesNotContain("123456");
  }

  @Test
  void asksAgainAfterAWrongPasscode() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "passcode");

    CliRunner.Run run = gatehouse.as(member).runWithInput("000000\n123456\n", "open", name).succeeds();

    assertThat(run.out()).contains("attempts left)").contains("Workspace " + name + " is open");
  }

  @Test
  void asksForThePasscodeWithoutEchoOnATerminal() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "passcode");
    List<String> prompts = new ArrayList<>();
    CliConsole terminal = new CliConsole() {
      @Override
      public boolean isTerminal() {
        return true;
      }

      @Override
      public Optional<String> readHidden(String prompt) {
        prompts.add(prompt);
        return Optional.of("123456");
      }
    };
    InputStream untouched = new ByteArrayInputStream("999999\n".getBytes(StandardCharsets.UTF_8));

    CliRunner.Run run = gatehouse.as(member).withEnvironment("NO_COLOR", "1").run(untouched, terminal, "open", name)
        .succeeds();

    assertThat(prompts).containsExactly("Passcode: ");
    assertThat(run.out()).doesNotContain("123456").doesNotContain("\u001b[");
  }

  // ---- Verified Duo Push; push or passcode, whichever comes first ----------------------------

  @Test
  void opensWithAVerifiedPushWhoseCodeItShows() throws Exception {
    String member = member("vic");
    String name = workspaceWithVicsVerifiedPush(member);

    CompletableFuture<CliRunner.Run> open = gatehouse.as(member).start("open", name);
    String code = typeTheCodeShownFor("vic", null);
    CliRunner.Run run = open.get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeds();

    assertThat(run.out()).contains(">>>  Enter " + code + " in Duo Mobile  <<<")
        .contains("Workspace " + name + " is open (Duo approved)");
    assertThat(duo.control().requests()).filteredOn(r -> r.path().equals("/auth/v2/preauth"))
        .allSatisfy(r -> assertThat(r.param("client_supports_verified_push")).isEqualTo("1"));
    assertThat(lastSettled(name).get("type").asText()).isEqualTo("challenge_approved");
    assertThat(lastSettled(name).get("method").asText()).isEqualTo("push");
    assertThat(alice.run("audit", name, "--json", "--limit", "100").succeeds().out())
        .doesNotContain("verification code");
  }

  @Test
  void aVerifiedPushWithAWrongCodeIsDenied() throws Exception {
    String member = member("vic");
    String name = workspaceWithVicsVerifiedPush(member);

    CompletableFuture<CliRunner.Run> open = gatehouse.as(member).start("open", name);
    String code = typeTheCodeShownFor("vic", "wrong");
    CliRunner.Run run = open.get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(run.exitCode()).as(run.toString()).isNotZero();
    assertThat(run.out()).contains("Enter " + code + " in Duo Mobile").doesNotContain("is open");
    assertThat(lastSettled(name).get("type").asText()).isEqualTo("challenge_denied");
  }

  @Test
  void aPasscodeGivenWhileThePushWaitsWins() {
    String member = member("vic");
    String name = workspaceWithVicsVerifiedPush(member);

    CliRunner.Run run = gatehouse.as(member).run("open", name, "--passcode", "424242").succeeds();
    // The push Duo still holds no longer matters: answering it changes nothing.
    duo.control().deny(duo.control().awaitPending("vic", WAIT).txid());

    assertThat(run.out()).contains("Settled by the passcode; the push was superseded.")
        .contains("Workspace " + name + " is open (Duo approved)").doesNotContain("424242");
    JsonNode settled = lastSettled(name);
    assertThat(settled.get("type").asText()).isEqualTo("challenge_approved");
    assertThat(settled.get("method").asText()).isEqualTo("passcode");
    assertThat(settled.get("detail").asText()).contains("push was superseded");
    assertThat(lastSettled(name)).isEqualTo(settled);
  }

  /** The newest audit event of the workspace that settled a challenge. */
  private static JsonNode lastSettled(String workspace) {
    JsonNode audit = alice.run("audit", workspace, "--json", "--limit", "100").succeeds().json();
    for (JsonNode event : audit) {
      String type = event.get("type").asText();
      if (type.startsWith("challenge_") && !type.equals("challenge_started")) {
        return event;
      }
    }
    throw new AssertionError("no settled challenge in " + audit);
  }

  /** A workspace where {@code member} (Duo's vic) activated his phone with a Verified Duo Push. */
  private static String workspaceWithVicsVerifiedPush(String member) {
    String name = workspaceWithDuo(member);
    CompletableFuture<CliRunner.Run> use = gatehouse.as(member).start("duo", "use-device", name, VIC_PHONE,
        "--method", "push");
    String code = typeTheCodeShownFor("vic", null);
    try {
      assertThat(use.get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeds().out()).contains("Enter " + code);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return name;
  }

  /** Plays the phone: types the code of the user's pending Verified Duo Push (or a wrong one); returns the code. */
  private static String typeTheCodeShownFor(String duoUser, String wrong) {
    dev.gatehouse.duosim.TransactionInfo push = duo.control().awaitPending(duoUser, WAIT);
    String code = push.verificationCode();
    assertThat(code).as("a Verified Duo Push").isNotNull();
    // A person types the code only once Gatehouse has shown it: wait for Gatehouse to read Duo's status.
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (duo.control().requests().stream().noneMatch(r -> r.path().equals("/auth/v2/auth_status")
        && push.txid().equals(r.param("txid")) && r.status() == 200)) {
      assertThat(System.nanoTime()).as("Gatehouse read the push's status").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(duo.control().enterVerificationCode(push.txid(),
        wrong == null ? code : code.equals("000") ? "111" : "000")).isTrue();
    return code;
  }

  @Test
  void usesColourOnlyOnATerminalWithoutNoColor() {
    CliRunner.Run terminal = alice.run(new ByteArrayInputStream(new byte[0]), fakeTerminal(), "workspace", "list");
    CliRunner.Run noColor = alice.withEnvironment("NO_COLOR", "1")
        .run(new ByteArrayInputStream(new byte[0]), fakeTerminal(), "workspace", "list");
    CliRunner.Run piped = alice.run("workspace", "list");

    assertThat(terminal.succeeds().out()).contains("\u001b[");
    assertThat(noColor.succeeds().out()).doesNotContain("\u001b[");
    assertThat(piped.succeeds().out()).doesNotContain("\u001b[");
  }

  @Test
  void opensWithoutASecondFactorOnceMfaIsDisabled() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "push");

    aliceApproves(name);
    CliRunner.Run disabled = alice.run("mfa", "disable", name).succeeds();
    JsonNode opened = gatehouse.as(member).run("open", name, "--json").succeeds().json();

    assertThat(disabled.out()).contains("Workspace " + name + " no longer asks for a second factor.");
    assertThat(opened.get("grant").asText()).isEqualTo("no_mfa");
    assertThat(alice.run("workspace", "show", name, "--json").succeeds().json().get("mfa").asText()).isEqualTo("none");
  }

  @Test
  void disablesMfaAsJson() {
    String name = workspaceWithDuo();
    assertThat(alice.run("mfa", "disable", name).failsWith(1))
        .contains("removing MFA in workspace " + name + " needs your own Duo approval");
    aliceApproves(name);

    JsonNode json = alice.run("mfa", "disable", name, "--json").succeeds().json();

    assertThat(json.get("workspace").asText()).isEqualTo(name);
    assertThat(json.get("mfa").asText()).isEqualTo("none");
  }

  @Test
  void clearsASuspensionAfterAFraudReport() throws Exception {
    String member = member("frank");
    String name = workspaceWithDuo(member);
    CompletableFuture<CliRunner.Run> activation = gatehouse.as(member).start("duo", "use-device", name,
        "DPFRANKPHONE00000001", "--method", "push");
    duo.control().approve(duo.control().awaitPending("frank", WAIT).txid());
    activation.get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeds();
    CompletableFuture<CliRunner.Run> fraudulent = gatehouse.as(member).start("open", name);
    duo.control().reportFraud(duo.control().awaitPending("frank", WAIT).txid());
    fraudulent.get(WAIT.toSeconds(), TimeUnit.SECONDS).failsWith(1);
    assertThat(gatehouse.as(member).run("open", name).failsWith(1)).containsIgnoringCase("suspend");

    aliceApproves(name);
    CliRunner.Run cleared = alice.run("suspension", "clear", name, member).succeeds();

    assertThat(cleared.out()).contains("Cleared the suspension of " + member + " in workspace " + name + ".");
    CompletableFuture<CliRunner.Run> reopened = gatehouse.as(member).start("open", name);
    TransactionInfo push = duo.control().awaitPending("frank", WAIT);
    duo.control().approve(push.txid());
    reopened.get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeds();
  }

  // ---- audit ----------------------------------------------------------------------------------

  @Test
  void showsTheAuditTrailNewestFirst() {
    String member = member("alice");
    String name = workspaceWithActiveDevice(member, "push");
    gatehouse.as(member).run("open", name).succeeds();

    CliRunner.Run table = alice.run("audit", name).succeeds();
    JsonNode json = alice.run("audit", name, "--json").succeeds().json();
    JsonNode two = alice.run("audit", name, "--limit", "2", "--json").succeeds().json();

    assertThat(table.outLines().get(0)).startsWith("TIME").contains("EVENT").contains("OUTCOME");
    List<String> types = StreamSupport.stream(json.spliterator(), false).map(e -> e.get("type").asText()).toList();
    assertThat(types).contains("workspace_created", "member_added", "mfa_configured", "device_chosen",
        "device_activated", "challenge_started", "challenge_approved", "access_granted");
    assertThat(types.indexOf("workspace_created")).isGreaterThan(types.indexOf("device_activated"));
    List<String> times = StreamSupport.stream(json.spliterator(), false).map(e -> e.get("at").asText()).toList();
    assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    assertThat(two).hasSize(2);
    assertThat(table.out() + json).doesNotContain(duo.secretKey());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static String unique(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  /** A new member whom Duo knows as {@code duoUser}. */
  private static String member(String duoUser) {
    String name = unique("m");
    alice.run("user", "add", name, "--duo-username", duoUser).succeeds();
    return name;
  }

  /** A new workspace with these members, protected by the simulator's Duo application. */
  private static String workspaceWithDuo(String... members) {
    String name = unique("ws");
    alice.run("workspace", "create", name).succeeds();
    for (String member : members) {
      alice.run("workspace", "add-member", name, member).succeeds();
    }
    alice.run("duo", "configure", name, "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey()).succeeds();
    return name;
  }

  /**
   * alice's own fresh Duo approval for the workspace, as step-up administration needs: she joins it,
   * verifies her phone by passcode and opens it with one.
   */
  private static void aliceApproves(String workspace) {
    alice.run("workspace", "add-member", workspace, "alice").succeeds();
    alice.run("duo", "use-device", workspace, phone, "--method", "passcode", "--passcode", "123456").succeeds();
    alice.run("open", workspace, "--passcode", "123456").succeeds();
  }

  /** A workspace where {@code member} has activated Alice's phone with {@code method}. */
  private static String workspaceWithActiveDevice(String member, String method) {
    String name = workspaceWithDuo(member);
    List<String> args = new ArrayList<>(List.of("duo", "use-device", name, phone, "--method", method));
    if (!method.equals("push")) {
      args.addAll(List.of("--passcode", "123456"));
    }
    gatehouse.as(member).run(args.toArray(String[]::new)).succeeds();
    return name;
  }

  private static String deviceOf(String duoUser) {
    return duo.scenario().users().stream().filter(u -> u.username().equals(duoUser)).findFirst().orElseThrow()
        .devices().get(0).id();
  }

  /** How many times Duo was asked to send SMS passcodes. */
  private static long smsRequests() {
    return duo.control().requests().stream()
        .filter(request -> request.params().getOrDefault("factor", List.of()).contains("sms")).count();
  }

  private static List<String> awaitNewSmsBatch(List<String> earlier) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> batch = duo.control().smsBatch(phone);
      if (!batch.isEmpty() && !batch.equals(earlier)) {
        return batch;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("Duo sent no new SMS passcodes within " + WAIT);
  }

  private static CliConsole fakeTerminal() {
    return new CliConsole() {
      @Override
      public boolean isTerminal() {
        return true;
      }

      @Override
      public Optional<String> readHidden(String prompt) {
        return Optional.empty();
      }
    };
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
