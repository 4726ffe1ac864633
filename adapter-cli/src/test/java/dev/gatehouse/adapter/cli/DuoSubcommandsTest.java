package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.HOSTNAME;
import static dev.gatehouse.adapter.cli.CliHarness.INTEGRATION_KEY;
import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.OUTSIDER;
import static dev.gatehouse.adapter.cli.CliHarness.PHONE;
import static dev.gatehouse.adapter.cli.CliHarness.RIGHT_PASSCODE;
import static dev.gatehouse.adapter.cli.CliHarness.SECRET_KEY;
import static dev.gatehouse.adapter.cli.CliHarness.TOKEN;
import static dev.gatehouse.adapter.cli.CliHarness.WORKSPACE;
import static dev.gatehouse.adapter.cli.CliHarness.WRONG_PASSCODE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.challenge.DenialReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code duo check|configure|devices|use-device}. */
class DuoSubcommandsTest {
  private static final String[] SETTINGS = {"--api-hostname", HOSTNAME, "--integration-key", INTEGRATION_KEY};

  private static String[] args(String[] head, String... tail) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(SETTINGS));
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  private static void assertNoSecret(Result result) {
    assertThat(result.out() + result.err()).doesNotContain(SECRET_KEY);
  }

  @Nested
  class Check {
    @Test
    void passesWithTheSecretKeyFromTheDefaultEnvironmentVariable() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);

      Result result = cli.run(args(new String[] {"duo", "check"}));

      assertThat(result.exit()).isZero();
      assertThat(result.out()).startsWith("Duo accepted the settings for api-xxxxxxxx.duosecurity.com");
      assertThat(cli.env.duo.count(Operation.CHECK)).isEqualTo(1);
      assertNoSecret(result);
    }

    @Test
    void readsTheSecretKeyFromAFile(@TempDir Path dir) throws Exception {
      CliHarness cli = CliHarness.withWorkspace();
      Path file = dir.resolve("duo.key");
      Files.writeString(file, SECRET_KEY + "\n", StandardCharsets.UTF_8);

      Result result = cli.run(args(new String[] {"duo", "check"}, "--secret-key-file", file.toString(), "--json"));

      assertThat(result.exit()).isZero();
      assertThat(result.json().get("outcome").asText()).isEqualTo("passed");
      assertNoSecret(result);
    }

    @Test
    void readsTheSecretKeyFromTheNamedEnvironmentVariable() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("MY_DUO_SKEY", SECRET_KEY);

      assertThat(cli.run(args(new String[] {"duo", "check"}, "--secret-key-env", "MY_DUO_SKEY")).exit()).isZero();
    }

    @Test
    void asksForTheSecretKeyWithoutEchoOnATerminal() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.console = CliHarness.TestConsole.terminal(SECRET_KEY);

      Result result = cli.run(args(new String[] {"duo", "check"}));

      assertThat(result.exit()).isZero();
      assertThat(cli.console.prompts).containsExactly("Duo secret key (not shown): ");
      assertNoSecret(result);
    }

    @Test
    void readsTheSecretKeyFromStandardInputWithoutATerminal() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.stdin = SECRET_KEY + "\n";

      Result result = cli.run(args(new String[] {"duo", "check"}));

      assertThat(result.exit()).isZero();
      assertNoSecret(result);
    }

    @Test
    void aMissingSecretKeyIsInvalidInput() {
      CliHarness cli = CliHarness.withWorkspace();

      Result result = cli.run(args(new String[] {"duo", "check"}));

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.errLines()).singleElement().asString().startsWith("gatehouse: missing Duo secret key");
      assertThat(cli.env.duo.count(Operation.CHECK)).isZero();
    }

    @Test
    void anUnsetNamedVariableOrUnreadableFileIsInvalidInput(@TempDir Path dir) {
      CliHarness cli = CliHarness.withWorkspace();

      Result unset = cli.run(args(new String[] {"duo", "check"}, "--secret-key-env", "NOT_SET"));
      Result missingFile = cli.run(args(new String[] {"duo", "check"}, "--secret-key-file", dir.resolve("none").toString()));

      assertThat(unset.exit()).isEqualTo(2);
      assertThat(unset.errLines()).singleElement().asString()
          .startsWith("gatehouse: the environment variable named by --secret-key-env is not set");
      assertThat(missingFile.exit()).isEqualTo(2);
      assertThat(missingFile.errLines()).singleElement().asString()
          .isEqualTo("gatehouse: cannot read the file named by --secret-key-file: no such file");
    }

    @Test
    void aDirectoryOrEmptyPathAsSecretKeyFileIsInvalidInputInPlainWords(@TempDir Path dir) {
      CliHarness cli = CliHarness.withWorkspace();

      Result directory = cli.run(args(new String[] {"duo", "check"}, "--secret-key-file", dir.toString()));
      Result empty = cli.run(args(new String[] {"duo", "check"}, "--secret-key-file", ""));

      assertThat(directory.exit()).isEqualTo(2);
      assertThat(directory.errLines()).singleElement().asString()
          .isEqualTo("gatehouse: cannot read the file named by --secret-key-file: it is a directory");
      assertThat(empty.exit()).isEqualTo(2);
      assertThat(empty.errLines()).singleElement().asString().contains("--secret-key-file").contains("must not be empty");
      assertThat(cli.env.duo.count(Operation.CHECK)).isZero();
    }

    /** Someone who typed the key itself where a file or variable name belongs must not see it echoed. */
    @Test
    void aSecretKeyGivenAsAFileOrVariableNameIsNeverEchoed() {
      CliHarness cli = CliHarness.withWorkspace();

      Result asFile = cli.run(args(new String[] {"duo", "check"}, "--secret-key-file", SECRET_KEY));
      Result asVariable = cli.run(args(new String[] {"duo", "check"}, "--secret-key-env", SECRET_KEY));

      assertThat(asFile.exit()).isEqualTo(2);
      assertThat(asVariable.exit()).isEqualTo(2);
      assertThat(asFile.errLines()).singleElement().asString().doesNotContain(SECRET_KEY);
      assertThat(asVariable.errLines()).singleElement().asString().doesNotContain(SECRET_KEY);
      assertThat(asFile.out() + asVariable.out()).doesNotContain(SECRET_KEY);
    }

    @Test
    void malformedKeysAreInvalidInputAndNeverEchoed() {
      CliHarness cli = CliHarness.withWorkspace();
      String almostSecret = SECRET_KEY.substring(1) + "!";
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", almostSecret);

      Result badSecret = cli.run(args(new String[] {"duo", "check"}));
      Result badKey = cli.run("duo", "check", "--api-hostname", HOSTNAME, "--integration-key", "DI-short");
      Result badHost = cli.run("duo", "check", "--api-hostname", "https://api-x.duosecurity.com/", "--integration-key", INTEGRATION_KEY);

      assertThat(badSecret.exit()).isEqualTo(2);
      assertThat(badSecret.errLines()).containsExactly("gatehouse: the environment variable GATEHOUSE_DUO_SECRET_KEY "
          + "is not a Duo secret key: it must be 40 letters and digits (as shown in Duo's Admin Panel)");
      assertThat(badSecret.err()).doesNotContain(almostSecret);
      assertThat(badKey.exit()).isEqualTo(2);
      assertThat(badKey.errLines()).containsExactly(
          "gatehouse: --integration-key must be 20 letters and digits (as shown in Duo's Admin Panel)");
      assertThat(badHost.exit()).isEqualTo(2);
      assertThat(badHost.errLines()).singleElement().asString().startsWith("gatehouse: --api-hostname must be a host name");
      assertThat(cli.env.duo.count(Operation.CHECK)).isZero();
    }

    @Test
    void aSecretKeyGivenAsAnArgumentIsRefusedWithoutRepeatingIt() {
      CliHarness cli = CliHarness.withWorkspace();

      Result result = cli.run(args(new String[] {"duo", "check"}, SECRET_KEY));

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.errLines()).singleElement().asString().contains("never taken as an argument");
      assertNoSecret(result);
    }

    @Test
    void rejectedCredentialsAreADuoProblem() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);
      cli.env.duo.failNext(Operation.CHECK,
          FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.CREDENTIALS_REJECTED));

      Result result = cli.run(args(new String[] {"duo", "check"}, "--json"));

      assertThat(result.exit()).isEqualTo(3);
      assertThat(result.json().get("outcome").asText()).isEqualTo("failed");
      assertThat(result.json().get("problem").asText()).isEqualTo("credentials_rejected");
      assertThat(result.errLines()).singleElement().asString().startsWith("gatehouse: Duo check failed: Duo refused");
      assertNoSecret(result);
    }

    @Test
    void anUnreachableDuoIsADuoProblem() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);
      cli.env.duo.failNext(Operation.CHECK,
          FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.UNREACHABLE));

      Result result = cli.run(args(new String[] {"duo", "check"}));

      assertThat(result.exit()).isEqualTo(3);
      assertThat(result.errLines()).containsExactly(
          "gatehouse: Duo check failed: Duo is unavailable: simulated UNREACHABLE");
    }

    @Test
    void onlyAdministratorsCheck() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);

      assertThat(cli.runAs(MEMBER, args(new String[] {"duo", "check"})).exit()).isEqualTo(1);
    }
  }

  @Nested
  class Configure {
    @Test
    void checksThenSaves() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);

      Result result = cli.run(args(new String[] {"duo", "configure", WORKSPACE}, "--failmode", "safe"));

      assertThat(result.exit()).isZero();
      assertThat(result.out()).startsWith("Duo checked and saved for workspace servers (api-xxxxxxxx.duosecurity.com, failmode safe)");
      assertThat(cli.run("workspace", "show", WORKSPACE, "--json").json().get("duo").get("failmode").asText())
          .isEqualTo("safe");
      assertNoSecret(result);
    }

    @Test
    void jsonDescribesTheSavedSettingsWithoutTheSecret() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);

      Result result = cli.run(args(new String[] {"duo", "configure", WORKSPACE}, "--json"));

      JsonNode json = result.json();
      assertThat(json.get("outcome").asText()).isEqualTo("configured");
      assertThat(json.get("workspace").asText()).isEqualTo(WORKSPACE);
      assertThat(json.get("duo").get("integrationKey").asText()).isEqualTo(INTEGRATION_KEY);
      assertThat(json.get("duo").get("failmode").asText()).isEqualTo("secure");
      assertNoSecret(result);
    }

    @Test
    void aFailedCheckSavesNothing() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);
      cli.env.duo.failNext(Operation.CHECK,
          FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.INTEGRATION_FORBIDDEN));

      Result result = cli.run(args(new String[] {"duo", "configure", WORKSPACE}));

      assertThat(result.exit()).isEqualTo(3);
      assertThat(result.errLines()).singleElement().asString()
          .startsWith("gatehouse: Duo settings not saved: Duo refused the integration");
      assertThat(cli.run("workspace", "show", WORKSPACE, "--json").json().get("mfa").asText()).isEqualTo("none");
    }

    @Test
    void anUnknownFailmodeOrWorkspaceIsInvalidInput() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);

      Result badMode = cli.run(args(new String[] {"duo", "configure", WORKSPACE}, "--failmode", "open"));
      Result unknown = cli.run(args(new String[] {"duo", "configure", "nope"}));

      assertThat(badMode.exit()).isEqualTo(2);
      assertThat(badMode.errLines()).containsExactly("gatehouse: --failmode must be secure or safe");
      assertThat(unknown.exit()).isEqualTo(2);
      assertThat(unknown.errLines()).containsExactly("gatehouse: no workspace named nope");
    }
  }

  @Nested
  class Devices {
    @Test
    void listsTheMembersDevicesAsATable() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.enrolled(MEMBER, PHONE, TOKEN);

      Result result = cli.runAs(MEMBER, "duo", "devices", WORKSPACE);

      assertThat(result.exit()).isZero();
      assertThat(result.outLines()).containsExactly(
          "Duo: Account is active",
          "DEVICE                TYPE   NAME                METHODS                     CHOICE",
          "DPFZRS9FB0D46QFTM891  phone  iOS (XXX-XXX-0123)  push, sms, phone, passcode",
          "DHEKH0JJIYC1LX3AZWO4  token  Hardware token      passcode");
    }

    @Test
    void jsonShowsCapabilitiesTheSuggestionAndTheActiveChoice() {
      CliHarness cli = CliHarness.withActiveDevice("push");

      JsonNode json = cli.runAs(MEMBER, "duo", "devices", WORKSPACE, "--json").json();

      assertThat(json.get("outcome").asText()).isEqualTo("devices");
      assertThat(json.get("suggested").asText()).isEqualTo(PHONE.id().value());
      assertThat(json.get("active").get("method").asText()).isEqualTo("push");
      assertThat(json.get("pending").isNull()).isTrue();
      JsonNode device = json.get("devices").get(0);
      assertThat(device.get("capabilities")).extracting(JsonNode::asText)
          .containsExactly("auto", "push", "sms", "phone", "mobile_otp");
      assertThat(device.get("methods")).extracting(JsonNode::asText).containsExactly("push", "sms", "phone", "passcode");
    }

    @Test
    void aBypassUserIsToldSo() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.bypass(MEMBER);

      Result result = cli.runAs(MEMBER, "duo", "devices", WORKSPACE);

      assertThat(result.exit()).isZero();
      assertThat(result.out().strip()).isEqualTo("Duo lets you in without a second factor: Allowing unknown user");
    }

    @Test
    void enrollmentAndDenyAreAccessDenied() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.notEnrolled(MEMBER).lockedOut("carol");

      Result enroll = cli.runAs(MEMBER, "duo", "devices", WORKSPACE, "--json");
      Result deny = cli.runAs("carol", "duo", "devices", WORKSPACE);

      assertThat(enroll.exit()).isEqualTo(1);
      assertThat(enroll.errLines()).containsExactly("gatehouse: You are not enrolled in Duo yet: Enroll an authentication device to proceed; "
          + "enroll at https://api-test.duosecurity.com/portal?code=abc");
      assertThat(enroll.json().get("denial").get("enrollmentUrl").asText()).startsWith("https://");
      assertThat(deny.exit()).isEqualTo(1);
      assertThat(deny.errLines()).containsExactly("gatehouse: Duo denied access: Your account is disabled");
    }

    @Test
    void aWorkspaceWithoutDuoIsAConfigurationProblem() {
      Result result = CliHarness.withWorkspace().runAs(MEMBER, "duo", "devices", WORKSPACE);

      assertThat(result.exit()).isEqualTo(3);
      assertThat(result.errLines()).containsExactly("gatehouse: workspace servers does not use Duo");
    }

    @Test
    void anUnreachableDuoIsADuoProblemAndAnOutsiderIsDenied() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.failNext(Operation.PREAUTH,
          FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.TIMEOUT));

      assertThat(cli.runAs(MEMBER, "duo", "devices", WORKSPACE).exit()).isEqualTo(3);
      assertThat(cli.runAs(OUTSIDER, "duo", "devices", WORKSPACE).exit()).isEqualTo(1);
      assertThat(cli.runAs(MEMBER, "duo", "devices", "nope").exit()).isEqualTo(2);
    }
  }

  @Nested
  class UseDevice {
    @Test
    void anApprovedPushActivatesTheChoice() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.resolvePushesWith(CliHarness.approved());

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "push");

      assertThat(result.exit()).isZero();
      assertThat(result.outLines()).first().asString()
          .isEqualTo("Verifying DPFZRS9FB0D46QFTM891 with push for workspace servers...");
      assertThat(result.out()).contains("Pushed a login request to your device...", "Success. Logging you in...",
          "Device DPFZRS9FB0D46QFTM891 (push) is now active for workspace servers.");
      assertThat(cli.runAs(MEMBER, "duo", "devices", WORKSPACE, "--json").json().get("active").get("method").asText())
          .isEqualTo("push");
    }

    @Test
    void theOnlyDeviceThatCanDoTheMethodIsUsedWhenNoneIsNamed() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.enrolled(MEMBER, PHONE, TOKEN).resolvePushesWith(CliHarness.approved());

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, "--method", "push");

      assertThat(result.exit()).as("stderr: %s", result.err()).isZero();
      assertThat(result.outLines()).startsWith(
          "Using DPFZRS9FB0D46QFTM891, your only Duo device that can do push.",
          "Verifying DPFZRS9FB0D46QFTM891 with push for workspace servers...");
      assertThat(result.out()).contains("Device DPFZRS9FB0D46QFTM891 (push) is now active for workspace servers.");
    }

    @Test
    void severalDevicesThatCanDoTheMethodAreListedWhenNoneIsNamed() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.enrolled(MEMBER, PHONE, TOKEN);

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, "--method", "passcode", "--json");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.errLines()).singleElement().asString()
          .startsWith("gatehouse: several of your Duo devices can do passcode, name one: ")
          .contains("DPFZRS9FB0D46QFTM891 (phone, iOS (XXX-XXX-0123))", "DHEKH0JJIYC1LX3AZWO4 (token, Hardware token)");
      assertThat(result.json().get("denial").get("code").asText()).isEqualTo("device_required");
      assertThat(result.json().get("selection").get("device").isNull()).isTrue();
      assertThat(cli.env.duo.count(Operation.VERIFY_PASSCODE)).isZero();
    }

    @Test
    void aPasscodeMethodAsksForThePasscode() {
      CliHarness cli = CliHarness.withDuo();
      cli.stdin = WRONG_PASSCODE + "\n" + RIGHT_PASSCODE + "\n";

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "passcode", "--json");

      assertThat(result.exit()).isZero();
      JsonNode json = result.json();
      assertThat(json.get("outcome").asText()).isEqualTo("activated");
      assertThat(json.get("selection").get("method").asText()).isEqualTo("passcode");
      assertThat(json.get("challenge").get("state").asText()).isEqualTo("approved");
      assertThat(cli.env.duo.count(Operation.VERIFY_PASSCODE)).isEqualTo(2);
    }

    @Test
    void smsWithAPasscodeOptionSendsTheBatchFirstThenSubmits() {
      CliHarness cli = CliHarness.withDuo();

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "sms",
          "--passcode", RIGHT_PASSCODE);

      assertThat(result.exit()).isZero();
      assertThat(result.out()).contains("New SMS passcodes sent.", "is now active");
      assertThat(cli.env.duo.calls()).extracting(FakeSecondFactorGateway.Call::operation)
          .containsSubsequence(Operation.SEND_SMS, Operation.VERIFY_PASSCODE);
      assertThat(result.out() + result.err()).doesNotContain(RIGHT_PASSCODE);
    }

    @Test
    void smsWithPasscodeStdinSendsTheBatchFirstThenSubmitsTheLine() {
      CliHarness cli = CliHarness.withDuo();
      cli.stdin = RIGHT_PASSCODE + "\n";

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, "--method", "sms", "--passcode-stdin");

      assertThat(result.exit()).as("stderr: %s", result.err()).isZero();
      assertThat(result.out()).contains("New SMS passcodes sent.", "is now active");
      assertThat(cli.env.duo.calls()).extracting(FakeSecondFactorGateway.Call::operation)
          .containsSubsequence(Operation.SEND_SMS, Operation.VERIFY_PASSCODE);
      assertThat(result.out() + result.err()).doesNotContain(RIGHT_PASSCODE);
    }

    @Test
    void aDeniedPushLeavesTheChoiceInactive() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.resolvePushesWith(CliHarness.denied(DenialReason.DENIED));

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "push");

      assertThat(result.exit()).isEqualTo(1);
      assertThat(result.errLines()).containsExactly("gatehouse: denied: Login request denied.");
      JsonNode devices = cli.runAs(MEMBER, "duo", "devices", WORKSPACE, "--json").json();
      assertThat(devices.get("active").isNull()).isTrue();
      assertThat(devices.get("pending").get("method").asText()).isEqualTo("push");
    }

    @Test
    void anUnknownMethodOrMalformedDeviceIsInvalidInput() {
      CliHarness cli = CliHarness.withDuo();

      Result method = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "carrier-pigeon");
      Result device = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, "not/a/device", "--method", "push");
      Result passcode = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "sms", "--passcode", "1");

      assertThat(method.exit()).isEqualTo(2);
      assertThat(method.errLines()).containsExactly("gatehouse: --method must be one of push, sms, phone, passcode");
      assertThat(device.exit()).isEqualTo(2);
      assertThat(device.errLines()).containsExactly("gatehouse: DEVICE must be a Duo device id (letters and digits)");
      assertThat(passcode.exit()).isEqualTo(2);
      assertThat(passcode.errLines()).containsExactly("gatehouse: --passcode must be 4 to 64 letters or digits");
      assertThat(cli.env.duo.count(Operation.PREAUTH)).isZero();
    }

    @Test
    void aDeviceOrMethodDuoDoesNotOfferIsInvalidInput() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.enrolled(MEMBER, PHONE, TOKEN);

      Result unknown = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, "DPUNKNOWN0000000000", "--method", "push");
      Result incapable = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, TOKEN.id().value(), "--method", "push", "--json");

      assertThat(unknown.exit()).isEqualTo(2);
      assertThat(unknown.errLines()).containsExactly(
          "gatehouse: Duo device DPUNKNOWN0000000000 cannot do push any more; choose a device or method again"
          + " (devices that can: " + PHONE.id() + ")");
      assertThat(incapable.exit()).isEqualTo(2);
      assertThat(incapable.json().get("denial").get("code").asText()).isEqualTo("device_not_available");
    }

    @Test
    void aBypassUserHasNoDeviceToVerify() {
      CliHarness cli = CliHarness.withDuo();
      cli.env.duo.bypass(MEMBER);

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "push");

      assertThat(result.exit()).isEqualTo(1);
      assertThat(result.errLines()).singleElement().asString().contains("without a second factor");
    }

    @Test
    void anUnreachableDuoNeverVerifiesAChoice() {
      CliHarness cli = CliHarness.withDuo(dev.gatehouse.domain.mfa.Failmode.SAFE);
      cli.env.duo.failNext(Operation.PREAUTH,
          FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.SERVER_ERROR));

      Result result = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "push");

      assertThat(result.exit()).isEqualTo(3);
      assertThat(result.errLines()).singleElement().asString().isEqualTo("gatehouse: Duo is unavailable: simulated SERVER_ERROR");
    }
  }

  @Nested
  class Readiness {
    private void member(CliHarness cli, String name) {
      cli.addUser(name, dev.gatehouse.domain.user.Role.MEMBER);
      cli.env.gatehouse.addMember().add(new dev.gatehouse.application.port.in.AddMemberCommand(
          new dev.gatehouse.domain.user.UserName(CliHarness.ADMIN),
          new dev.gatehouse.domain.workspace.WorkspaceName(WORKSPACE), new dev.gatehouse.domain.user.UserName(name)));
    }

    /** bob asked on his verified phone, carol without a choice, dave bypassed, erin not enrolled, frank denied. */
    private CliHarness everyPreauthState() {
      CliHarness cli = CliHarness.withActiveDevice("push");
      for (String name : List.of("dave", "erin", "frank")) {
        member(cli, name);
      }
      cli.env.duo.bypass("dave").notEnrolled("erin").lockedOut("frank");
      return cli;
    }

    @Test
    void printsEveryMemberAndTheSummaryWithoutSendingAnything() {
      CliHarness cli = everyPreauthState();
      long pushes = cli.env.duo.count(Operation.START_AUTH);

      Result result = cli.run("duo", "readiness", WORKSPACE);

      assertThat(result.exit()).isZero();
      assertThat(result.outLines().get(0)).startsWith("Duo readiness of workspace servers (saved settings, checked ")
          .endsWith("Nothing was sent to anyone.");
      assertThat(result.outLines().get(1)).matches("MEMBER +DUO +DEVICES +CHOICE +VERDICT +REASON");
      assertThat(result.out()).containsPattern("bob +auth +1 +" + PHONE.id().value() + " \\(push\\) +asked +Duo will ask")
          .containsPattern("dave +allow +- +- +no second factor +Duo lets this member in")
          .containsPattern("erin +enroll +- +- +cannot get in +not enrolled in Duo: the member must enroll at https://")
          .containsPattern("frank +deny +- +- +cannot get in +Duo denies this member");
      assertThat(result.outLines()).contains("Will be asked by Duo (1): bob",
          "Cannot get in (3): carol, erin, frank", "Get in without a second factor (1): dave",
          "Could not be checked (0): nobody");
      assertThat(cli.env.duo.count(Operation.START_AUTH)).isEqualTo(pushes);
      assertThat(cli.env.duo.count(Operation.SEND_SMS)).isZero();
    }

    @Test
    void jsonCarriesEachAnswerAndTheSummary() {
      CliHarness cli = everyPreauthState();

      Result result = cli.run("duo", "readiness", WORKSPACE, "--json");

      assertThat(result.exit()).isZero();
      JsonNode json = result.json();
      assertThat(json.get("workspace").asText()).isEqualTo(WORKSPACE);
      assertThat(json.get("unsavedSettings").asBoolean()).isFalse();
      assertThat(json.get("members")).hasSize(5);
      assertThat(json.at("/summary/asked").toString()).isEqualTo("[\"bob\"]");
      assertThat(json.at("/summary/noSecondFactor").toString()).isEqualTo("[\"dave\"]");
      assertThat(json.at("/summary/cannotGetIn").toString()).isEqualTo("[\"carol\",\"erin\",\"frank\"]");
      assertThat(json.at("/summary/notChecked")).isEmpty();
      assertThat(member(json, "erin").get("preauth").asText()).isEqualTo("enroll");
      assertThat(member(json, "erin").get("reasonCode").asText()).isEqualTo("not_enrolled");
      assertThat(member(json, "erin").get("reason").asText())
          .isEqualTo("not enrolled in Duo: the member must enroll at " + member(json, "erin").get("enrollmentUrl").asText());
      assertThat(member(json, "erin").get("enrollmentUrl").asText()).startsWith("https://");
      assertThat(member(json, "frank").get("duoMessage").asText()).isNotBlank();
      JsonNode bob = member(json, "bob");
      assertThat(bob.at("/activeChoice/method").asText()).isEqualTo("push");
      assertThat(bob.get("choiceStillListed").asBoolean()).isTrue();
      assertThat(bob.at("/devices/0/id").asText()).isEqualTo(PHONE.id().value());
    }

    @Test
    void membersDuoCouldNotAnswerForAreListedAsNotChecked() {
      CliHarness cli = everyPreauthState();
      cli.env.duo.failAlways(Operation.PREAUTH,
          FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.UNREACHABLE));

      Result result = cli.run("duo", "readiness", WORKSPACE);

      assertThat(result.exit()).isZero();
      assertThat(result.out()).containsPattern("bob +error +- +" + PHONE.id().value()
          + " \\(push\\) +not checked +could not be checked: Duo is unavailable");
      assertThat(result.outLines()).anySatisfy(line -> assertThat(line).startsWith("bob ")
          .endsWith("could not be checked: Duo is unavailable: simulated UNREACHABLE"));
      assertThat(result.outLines()).contains("Could not be checked (5): bob, carol, dave, erin, frank");
    }

    private JsonNode member(JsonNode report, String name) {
      for (JsonNode m : report.get("members")) {
        if (m.get("member").asText().equals(name)) {
          return m;
        }
      }
      throw new AssertionError("no member " + name + " in " + report);
    }

    @Test
    void checksUnsavedSettingsWithoutEchoingTheSecret() {
      CliHarness cli = CliHarness.withWorkspace();
      cli.env.duo.enrolled(MEMBER, PHONE);
      cli.environment.put("GATEHOUSE_DUO_SECRET_KEY", SECRET_KEY);

      Result result = cli.run(args(new String[] {"duo", "readiness", WORKSPACE}, "--json"));

      assertThat(result.exit()).isZero();
      assertThat(result.json().get("unsavedSettings").asBoolean()).isTrue();
      assertThat(result.json().at("/summary/cannotGetIn").toString()).contains("bob", "carol");
      assertThat(cli.env.duo.calls()).allSatisfy(call -> assertThat(call.integrationKey()).isEqualTo(INTEGRATION_KEY));
      assertNoSecret(result);
    }

    @Test
    void withoutSavedOrGivenSettingsItIsADuoProblem() {
      CliHarness cli = CliHarness.withWorkspace();

      Result result = cli.run("duo", "readiness", WORKSPACE);

      assertThat(result.exit()).isEqualTo(3);
      assertThat(result.errLines()).singleElement().asString().contains("does not use Duo yet");
    }

    @Test
    void halfTheSettingsOrASecretWithoutThemIsInvalidUsage() {
      CliHarness cli = CliHarness.withDuo();

      Result noKey = cli.run("duo", "readiness", WORKSPACE, "--api-hostname", HOSTNAME);
      Result secretAlone = cli.run("duo", "readiness", WORKSPACE, "--secret-key-env", "MY_DUO_SKEY");

      assertThat(noKey.exit()).isEqualTo(2);
      assertThat(noKey.errLines()).singleElement().asString().contains("both --api-hostname and --integration-key");
      assertThat(secretAlone.exit()).isEqualTo(2);
      assertThat(cli.env.duo.count(Operation.PREAUTH)).isZero();
    }

    @Test
    void onlyAdministratorsSeeTheReport() {
      CliHarness cli = CliHarness.withDuo();

      Result result = cli.runAs(MEMBER, "duo", "readiness", WORKSPACE);

      assertThat(result.exit()).isEqualTo(1);
      assertThat(cli.env.duo.count(Operation.PREAUTH)).isZero();
    }
  }
}
