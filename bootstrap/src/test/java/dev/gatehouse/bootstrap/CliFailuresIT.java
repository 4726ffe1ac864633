package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.persistence.PersistenceRuntime;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Fault;
import dev.gatehouse.duosim.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented exit code but 0 (and 130, see {@link CliExecutableIT}) and the bad input of
 * issue 7, through the executable's entry point against the simulator's default scenario and the
 * embedded PostgreSQL: each failure is exactly one line on standard error, never a stack trace.
 */
class CliFailuresIT {
  private static final int ACCESS_DENIED = 1;
  private static final int INVALID_INPUT = 2;
  private static final int DUO_OR_CONFIGURATION = 3;
  private static final int STORAGE = 4;
  private static final AtomicInteger NAMES = new AtomicInteger();

  @TempDir
  static Path tempDir;

  private static DuoSimulator duo;
  private static PersistenceRuntime database;
  private static CliRunner gatehouse;
  private static CliRunner admin;
  /** Started first: the connection pool retries a database that does not answer for 10 s before giving up. */
  private static CompletableFuture<CliRunner.Run> unreachableDatabase;

  @BeforeAll
  static void startGatehouse() throws IOException {
    duo = DuoSimulator.start(Scenario.defaultScenario());
    Path caFile = duo.writeCaPem(tempDir.resolve("duo-ca.pem"));
    Path dataDir = tempDir.resolve("data");
    database = CliRunner.keepDatabaseRunning(dataDir);
    gatehouse = new CliRunner(dataDir, caFile, Map.of("GATEHOUSE_DUO_SECRET_KEY", duo.secretKey()));
    admin = gatehouse.as("root");
    unreachableDatabase = admin.start("--database-url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/gatehouse",
        "workspace", "list");
    admin.run("user", "add", "root").succeeds();
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

  // ---- 1: access denied -----------------------------------------------------------------------

  @Test
  void exitsOneWhenDuoDeniesThePushThatWouldActivateADevice() {
    String bob = member("bob");
    String workspace = workspaceWithDuo(bob);

    CliRunner.Run run = gatehouse.as(bob).run("duo", "use-device", workspace, deviceOf("bob"), "--method", "push");

    assertThat(run.failsWith(ACCESS_DENIED)).isEqualTo("gatehouse: denied: Login request denied.");
    assertThat(run.out()).doesNotContain("is now active");
  }

  @Test
  void exitsOneWhenDuoDeniesAtPreauth() {
    String carol = member("carol");
    String workspace = workspaceWithDuo(carol);

    String message = gatehouse.as(carol).run("duo", "devices", workspace).failsWith(ACCESS_DENIED);

    assertThat(message).isEqualTo("gatehouse: Duo denied access: Your account is locked out.");
  }

  @Test
  void exitsOneWithTheEnrollmentUrlWhenTheUserIsNotEnrolled() {
    String dave = member("dave");
    String workspace = workspaceWithDuo(dave);

    String message = gatehouse.as(dave).run("duo", "devices", workspace).failsWith(ACCESS_DENIED);

    assertThat(message).containsPattern("enroll at https://\\S+");
  }

  @Test
  void exitsOneWhenOpeningBeforeAnyDeviceIsActive() {
    String alice = member("alice");
    String workspace = workspaceWithDuo(alice);

    String message = gatehouse.as(alice).run("open", workspace).failsWith(ACCESS_DENIED);

    assertThat(message).contains("No verified Duo device").contains("duo use-device");
  }

  @Test
  void exitsOneWhenAMemberDoesWhatOnlyAdministratorsMay() {
    String alice = member("alice");

    String message = gatehouse.as(alice).run("workspace", "create", unique("not-mine")).failsWith(ACCESS_DENIED);

    assertThat(message).startsWith("gatehouse: access denied");
  }

  @Test
  void printsTheDenialAsJsonAndStillOneLineOnStandardError() {
    String alice = member("alice");
    String workspace = workspaceWithDuo(alice);

    CliRunner.Run run = gatehouse.as(alice).run("open", workspace, "--json");

    run.failsWith(ACCESS_DENIED);
    JsonNode json = run.json();
    assertThat(json.get("outcome").asText()).isEqualTo("denied");
    assertThat(json.get("denial").get("code").asText()).isEqualTo("no_active_device");
  }

  // ---- 2: invalid usage or input --------------------------------------------------------------

  @Test
  void exitsTwoForAnUnknownWorkspace() {
    String alice = member("alice");

    assertThat(admin.run("workspace", "show", "no-such-workspace").failsWith(INVALID_INPUT))
        .contains("no-such-workspace");
    gatehouse.as(alice).run("open", "no-such-workspace").failsWith(INVALID_INPUT);
    admin.run("duo", "configure", "no-such-workspace", "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey()).failsWith(INVALID_INPUT);
  }

  @Test
  void exitsTwoForAMalformedIntegrationKey() {
    String message = admin.run("duo", "check", "--api-hostname", duo.apiHostname(),
        "--integration-key", "DI-not-a-key").failsWith(INVALID_INPUT);

    assertThat(message).startsWith("gatehouse: --integration-key").doesNotContain(duo.secretKey());
  }

  @Test
  void exitsTwoForAMalformedApiHostname() {
    String message = admin.run("duo", "configure", workspaceWithoutDuo(), "--api-hostname", "https://api host/",
        "--integration-key", duo.integrationKey()).failsWith(INVALID_INPUT);

    assertThat(message).startsWith("gatehouse: --api-hostname");
  }

  @Test
  void exitsTwoWhenTheSecretKeyIsMissing() {
    String message = admin.withoutEnvironment("GATEHOUSE_DUO_SECRET_KEY").run("duo", "check",
        "--api-hostname", duo.apiHostname(), "--integration-key", duo.integrationKey()).failsWith(INVALID_INPUT);

    assertThat(message).contains("missing Duo secret key");
  }

  @Test
  void exitsTwoWhenTheVariableNamedBySecretKeyEnvIsNotSet() {
    String message = admin.run("duo", "check", "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey(), "--secret-key-env", "NOT_SET_HERE").failsWith(INVALID_INPUT);

    assertThat(message).contains("--secret-key-env").contains("not set");
  }

  @Test
  void exitsTwoForAMalformedSecretKeyWithoutRepeatingIt() {
    String malformed = "short-secret";

    String message = admin.withEnvironment("GATEHOUSE_DUO_SECRET_KEY", malformed).run("duo", "check",
        "--api-hostname", duo.apiHostname(), "--integration-key", duo.integrationKey()).failsWith(INVALID_INPUT);

    assertThat(message).contains("not a Duo secret key").doesNotContain(malformed);
  }

  @Test
  void neverTakesTheSecretKeyAsAnArgumentNorRepeatsIt() {
    CliRunner.Run run = admin.run("duo", "check", "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey(), duo.secretKey());

    assertThat(run.failsWith(INVALID_INPUT)).doesNotContain(duo.secretKey());
    assertThat(run.out()).doesNotContain(duo.secretKey());
  }

  @Test
  void exitsTwoForAnUnknownMethod() {
    String alice = member("alice");
    String workspace = workspaceWithDuo(alice);

    String message = gatehouse.as(alice).run("duo", "use-device", workspace, deviceOf("alice"),
        "--method", "carrier-pigeon").failsWith(INVALID_INPUT);

    assertThat(message).startsWith("gatehouse: --method");
  }

  @Test
  void exitsTwoForAnUnknownCommandWithAHintInsteadOfTheUsage() {
    String message = admin.run("frobnicate").failsWith(INVALID_INPUT);

    assertThat(message).contains("frobnicate").contains("--help");
  }

  @Test
  void exitsTwoForAMissingRequiredOption() {
    String message = admin.run("duo", "check", "--api-hostname", duo.apiHostname()).failsWith(INVALID_INPUT);

    assertThat(message).contains("--integration-key");
  }

  @Test
  void exitsTwoForAnUnknownUser() {
    String workspace = workspaceWithoutDuo();

    String message = admin.run("workspace", "add-member", workspace, "nobody-here").failsWith(INVALID_INPUT);

    assertThat(message).contains("nobody-here");
  }

  @Test
  void exitsTwoForAWorkspaceNameThatIsTaken() {
    String workspace = workspaceWithoutDuo();

    admin.run("workspace", "create", workspace).failsWith(INVALID_INPUT);
  }

  @Test
  void exitsTwoAndCancelsTheChallengeWhenNoPasscodeIsTyped() {
    String alice = member("alice");
    String workspace = workspaceWithDuo(alice);
    gatehouse.as(alice).run("duo", "use-device", workspace, deviceOf("alice"), "--method", "passcode",
        "--passcode", "123456").succeeds();

    String message = gatehouse.as(alice).run("open", workspace).failsWith(INVALID_INPUT);

    assertThat(message).contains("no passcode given; the challenge was cancelled");
    JsonNode latest = admin.run("audit", workspace, "--limit", "1", "--json").succeeds().json().get(0);
    assertThat(latest.get("type").asText()).isEqualTo("challenge_denied");
    assertThat(latest.get("outcome").asText()).isEqualTo("cancelled");
  }

  @Test
  void exitsOneWhenTheGivenPasscodeIsWrong() {
    String alice = member("alice");
    String workspace = workspaceWithDuo(alice);
    gatehouse.as(alice).run("duo", "use-device", workspace, deviceOf("alice"), "--method", "passcode",
        "--passcode", "123456").succeeds();

    gatehouse.as(alice).run("open", workspace, "--passcode", "000000").failsWith(ACCESS_DENIED);
  }

  @Test
  void exitsTwoForADatabaseUrlThatIsNoPostgresqlUrl() {
    for (String url : new String[] {"nonsense", ""}) {
      String message = admin.run("--database-url", url, "workspace", "list").failsWith(INVALID_INPUT);

      assertThat(message).as(url).startsWith("gatehouse: invalid --database-url: ").doesNotContain("internal error");
    }
  }

  @Test
  void exitsTwoForAnEmptyDataDirectoryInsteadOfUsingTheCurrentOne() {
    String message = admin.withDataDir(Path.of("")).run("workspace", "list").failsWith(INVALID_INPUT);

    assertThat(message).contains("--data-dir").contains("must not be empty");
  }

  @Test
  void exitsTwoWhenTheSecretKeyFileIsADirectory() {
    String message = admin.run("duo", "check", "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey(), "--secret-key-file", tempDir.toString()).failsWith(INVALID_INPUT);

    assertThat(message).isEqualTo("gatehouse: cannot read the file named by --secret-key-file: it is a directory");
  }

  @Test
  void refusesPlainHttpOffLoopbackUnlessAskedFor() throws IOException {
    String address = nonLoopbackAddress();

    assertThat(admin.run("serve", "--bind", address, "--port", "0").failsWith(INVALID_INPUT))
        .isEqualTo("gatehouse: invalid --bind: refusing plain HTTP on " + address
            + ": API and session tokens would cross the network unencrypted; bind 127.0.0.1 behind a proxy"
            + " that terminates TLS, or pass --insecure-http if that proxy reaches this address");
  }

  /** An address of this host that is not loopback (the wildcard, when the host has no other). */
  private static String nonLoopbackAddress() throws IOException {
    return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
        .map(InetAddress::getHostAddress).findFirst().orElse("0.0.0.0");
  }

  @Test
  void exitsTwoWhenServeCannotUseTheAddress() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(busy.getLocalPort());

      assertThat(admin.run("serve", "--port", port).failsWith(INVALID_INPUT))
          .startsWith("gatehouse: invalid --port: ").contains(port).contains("already in use");
    }
    assertThat(admin.run("serve", "--bind", "10.255.255.1", "--port", "0").failsWith(INVALID_INPUT))
        .startsWith("gatehouse: invalid --bind: ").contains("10.255.255.1");
    assertThat(admin.run("serve", "--bind", "", "--port", "0").failsWith(INVALID_INPUT))
        .isEqualTo("gatehouse: invalid --bind: must not be empty");
    assertThat(admin.run("serve", "--port", "http").failsWith(INVALID_INPUT))
        .startsWith("gatehouse: invalid --port: ");
  }

  @Test
  void exitsTwoWhenTheSimulatorCannotUseItsScenarioOrPort() throws IOException {
    Path unknownKeys = Files.writeString(tempDir.resolve("typo-scenario.json"), "{\"userz\": []}");

    assertThat(admin.run("duo-simulator", "--scenario", "/missing.json").failsWith(INVALID_INPUT))
        .isEqualTo("gatehouse: invalid --scenario: cannot read /missing.json: no such file");
    assertThat(admin.run("duo-simulator", "--scenario", unknownKeys.toString()).failsWith(INVALID_INPUT))
        .startsWith("gatehouse: invalid --scenario: ").contains("userz");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(busy.getLocalPort());

      assertThat(admin.run("duo-simulator", "--port", port).failsWith(INVALID_INPUT))
          .startsWith("gatehouse: invalid --port: ").contains("already in use");
    }
  }

  // ---- 3: Duo or configuration problem --------------------------------------------------------

  @Test
  void exitsThreeWhenDuoRejectsTheCredentials() {
    String wrongSecret = "X".repeat(40);

    String message = admin.withEnvironment("GATEHOUSE_DUO_SECRET_KEY", wrongSecret).run("duo", "check",
        "--api-hostname", duo.apiHostname(), "--integration-key", duo.integrationKey())
        .failsWith(DUO_OR_CONFIGURATION);

    assertThat(message).startsWith("gatehouse: Duo check failed").doesNotContain(wrongSecret);
  }

  @Test
  void exitsThreeAndSavesNothingWhenDuoCannotBeReached() throws IOException {
    String workspace = workspaceWithoutDuo();

    String message = admin.run("duo", "configure", workspace, "--api-hostname", "127.0.0.1:" + closedPort(),
        "--integration-key", duo.integrationKey()).failsWith(DUO_OR_CONFIGURATION);

    assertThat(message).startsWith("gatehouse: Duo settings not saved");
    assertThat(admin.run("workspace", "show", workspace, "--json").succeeds().json().get("mfa").asText())
        .isEqualTo("none");
  }

  @Test
  void exitsThreeWhenDuoIsUnavailableUnderFailmodeSecure() {
    String alice = member("alice");
    String workspace = workspaceWithDuo(alice);
    gatehouse.as(alice).run("duo", "use-device", workspace, deviceOf("alice"), "--method", "passcode",
        "--passcode", "123456").succeeds();
    duo.control().injectFault(Fault.serverError("preauth", 503, -1));
    try {
      String message = gatehouse.as(alice).run("open", workspace, "--passcode", "123456")
          .failsWith(DUO_OR_CONFIGURATION);

      assertThat(message).startsWith("gatehouse: Duo is unavailable").contains("503");
    } finally {
      duo.control().clearFaults();
    }
  }

  @Test
  void exitsThreeForDuoCommandsOnAWorkspaceWithoutDuo() {
    String alice = member("alice");
    String workspace = workspaceWithoutDuo();
    admin.run("workspace", "add-member", workspace, alice).succeeds();

    gatehouse.as(alice).run("duo", "devices", workspace).failsWith(DUO_OR_CONFIGURATION);
  }

  // ---- 4: storage problem ---------------------------------------------------------------------

  @Test
  void exitsFourWhenTheDataDirectoryCannotBeCreated() throws IOException {
    Path file = Files.writeString(tempDir.resolve("a-file"), "not a directory");

    String message = admin.withDataDir(file.resolve("data")).run("workspace", "list").failsWith(STORAGE);

    assertThat(message).contains("cannot be created").contains("Not a directory").doesNotContain("Exception");
  }

  @Test
  void exitsFourInPlainWordsWhenTheDataDirectoryIsAFile() throws IOException {
    Path file = Files.writeString(tempDir.resolve("data-as-file"), "not a directory");

    String message = admin.withDataDir(file).run("workspace", "list").failsWith(STORAGE);

    assertThat(message).isEqualTo("gatehouse: the data directory " + file.toAbsolutePath() + " cannot be created: it is a file");
  }

  @Test
  void exitsFourWhenTheDatabaseDoesNotAnswer() throws Exception {
    String message = unreachableDatabase.get(60, TimeUnit.SECONDS).failsWith(STORAGE);

    assertThat(message).contains("cannot connect");
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static String unique(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  private static String member(String duoUser) {
    String name = unique("m");
    admin.run("user", "add", name, "--duo-username", duoUser).succeeds();
    return name;
  }

  private static String workspaceWithoutDuo() {
    String name = unique("ws");
    admin.run("workspace", "create", name).succeeds();
    return name;
  }

  private static String workspaceWithDuo(String... members) {
    String name = workspaceWithoutDuo();
    for (String member : members) {
      admin.run("workspace", "add-member", name, member).succeeds();
    }
    admin.run("duo", "configure", name, "--api-hostname", duo.apiHostname(),
        "--integration-key", duo.integrationKey()).succeeds();
    return name;
  }

  private static String deviceOf(String duoUser) {
    List<Scenario.Device> devices = duo.scenario().users().stream().filter(u -> u.username().equals(duoUser))
        .findFirst().orElseThrow().devices();
    return devices.get(0).id();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
