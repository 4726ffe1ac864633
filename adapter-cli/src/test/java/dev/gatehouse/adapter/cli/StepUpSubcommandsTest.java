package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.ADMIN;
import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.RIGHT_PASSCODE;
import static dev.gatehouse.adapter.cli.CliHarness.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code entry add|edit --step-up} and {@code entry reveal} of a marked entry: bob, an editor with a
 * verified Duo device, reveals inside his cached session only after a Duo approval for that reveal.
 */
class StepUpSubcommandsTest {
  private static final String PASSWORD = "Tr0ub4dor&3-stepup";

  private static CliHarness editorWith(String method) {
    CliHarness cli = CliHarness.withActiveDevice(method);
    Result role = cli.run("workspace", "add-member", WORKSPACE, MEMBER, "--role", "editor");
    assertThat(role.exit()).as(role.err()).isZero();
    cli.environment.put("VAULT_PASSWORD", PASSWORD);
    return cli;
  }

  /** Bob adds the marked entry (opening the workspace with an approved push) and keeps the session cached. */
  private static CliHarness withMarkedEntry() {
    CliHarness cli = editorWith("push");
    cli.env.duo.resolvePushesWith(CliHarness.approved());
    Result added = cli.runAs(MEMBER, "entry", "add", WORKSPACE, "vault", "--kind", "ssh", "--host", "vault.internal",
        "--password-env", "VAULT_PASSWORD", "--step-up", "5m");
    assertThat(added.exit()).as(added.err()).isZero();
    cli.env.duo.resolvePushesWith(null);
    return cli;
  }

  private static List<AuditEvent> audit(CliHarness cli, AuditEventType type) {
    return cli.env.gatehouse.listAuditEvents()
        .list(new ListAuditEventsQuery(new UserName(ADMIN), Optional.empty(), Optional.empty(), 1000))
        .stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void revealAsksDuoForTheStepUpThenPrintsTheSecretAlone() {
    CliHarness cli = withMarkedEntry();
    cli.env.duo.resolvePushesWith(CliHarness.approved());
    long pushes = cli.env.duo.count(Operation.START_AUTH);

    Result revealed = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "vault");

    assertThat(revealed.exit()).as(revealed.err()).isZero();
    assertThat(revealed.out()).isEqualTo(PASSWORD + System.lineSeparator());
    assertThat(revealed.err()).contains("Entry vault needs a Duo step-up to reveal").doesNotContain(PASSWORD)
        .doesNotContain("opening it first");
    assertThat(cli.env.duo.count(Operation.START_AUTH)).isEqualTo(pushes + 1);
    assertThat(cli.env.duo.lastPushContext().action()).isEqualTo("Reveal credential");
    assertThat(audit(cli, AuditEventType.CREDENTIAL_REVEALED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("step-up push approved at most PT5M ago"));
  }

  @Test
  void withinTheWindowTheSameSessionRevealsWithoutAskingAgain() {
    CliHarness cli = withMarkedEntry();
    cli.env.duo.resolvePushesWith(CliHarness.approved());
    assertThat(cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "vault").exit()).isZero();
    long pushes = cli.env.duo.count(Operation.START_AUTH);

    Result again = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "vault", "--json");

    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.json().get("password").asText()).isEqualTo(PASSWORD);
    assertThat(cli.env.duo.count(Operation.START_AUTH)).isEqualTo(pushes);
    cli.env.clock.advance(java.time.Duration.ofMinutes(6));
    assertThat(cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "vault").exit()).isZero();
    assertThat(cli.env.duo.count(Operation.START_AUTH)).isEqualTo(pushes + 1);
  }

  @Test
  void aDeniedStepUpRevealsNothingAndExitsOne() {
    CliHarness cli = withMarkedEntry();
    cli.env.duo.resolvePushesWith(CliHarness.denied(DenialReason.DENIED));

    Result denied = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "vault");
    Result cooling = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "vault");

    assertThat(denied.exit()).isEqualTo(1);
    assertThat(denied.out()).isEmpty();
    assertThat(denied.errLines()).last().asString().startsWith("gatehouse: denied");
    assertThat(cooling.exit()).isEqualTo(1);
    assertThat(cooling.errLines()).last().asString().contains("wait before sending another");
    assertThat(audit(cli, AuditEventType.CREDENTIAL_REVEALED)).isEmpty();
  }

  @Test
  void aPasscodeDeviceStepsUpWithThePasscodeGivenOnStandardInput() {
    CliHarness cli = editorWith("passcode");
    cli.stdin = RIGHT_PASSCODE + "\n";
    Result added = cli.runAs(MEMBER, "entry", "add", WORKSPACE, "vault", "--kind", "ssh", "--host", "vault.internal",
        "--password-env", "VAULT_PASSWORD", "--step-up", "PT10M", "--passcode-stdin");
    assertThat(added.exit()).as(added.err()).isZero();

    cli.stdin = RIGHT_PASSCODE + "\n";
    Result revealed = cli.runAs(MEMBER, "entry", "reveal", WORKSPACE, "vault", "--passcode-stdin");

    assertThat(revealed.exit()).as(revealed.err()).isZero();
    assertThat(revealed.out()).isEqualTo(PASSWORD + System.lineSeparator());
    assertThat(revealed.out() + revealed.err()).doesNotContain(RIGHT_PASSCODE);
  }

  @Test
  void showAndJsonCarryTheStepUpAndAnEmptyOneClearsIt() {
    CliHarness cli = withMarkedEntry();

    Result shown = cli.runAs(MEMBER, "entry", "show", WORKSPACE, "vault");
    JsonNode json = cli.runAs(MEMBER, "entry", "show", WORKSPACE, "vault", "--json").json();
    Result cleared = cli.runAs(MEMBER, "entry", "edit", WORKSPACE, "vault", "--step-up", "", "--json");
    Result set = cli.runAs(MEMBER, "entry", "edit", WORKSPACE, "vault", "--step-up", "1h30m", "--json");

    assertThat(shown.outLines()).anySatisfy(line -> assertThat(line)
        .matches("Step-up +Duo approval no older than 5m to reveal"));
    assertThat(json.get("stepUp").asText()).isEqualTo("PT5M");
    assertThat(cleared.exit()).as(cleared.err()).isZero();
    assertThat(cleared.json().get("stepUp").isNull()).isTrue();
    assertThat(set.json().get("stepUp").asText()).isEqualTo("PT1H30M");
  }

  @Test
  void aStepUpOutsideItsBoundsOrNotADurationIsInvalidUsage() {
    CliHarness cli = editorWith("push");

    Result tooShort = cli.runAs(MEMBER, "entry", "add", WORKSPACE, "vault", "--kind", "ssh", "--host", "h",
        "--step-up", "30s");
    Result notADuration = cli.runAs(MEMBER, "entry", "add", WORKSPACE, "vault", "--kind", "ssh", "--host", "h",
        "--step-up", "5 minutes");

    assertThat(tooShort.exit()).isEqualTo(2);
    assertThat(tooShort.errLines()).containsExactly("gatehouse: --step-up must be between 1 minute and 24 hours");
    assertThat(notADuration.exit()).isEqualTo(2);
    assertThat(notADuration.errLines()).singleElement().asString().contains("such as 5m, 1h30m or PT5M");
    assertThat(cli.env.duo.count(Operation.START_AUTH)).isEqualTo(1);
  }
}
