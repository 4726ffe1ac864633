package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.out.AuthStatus;
import static dev.gatehouse.adapter.cli.CliHarness.ADMIN;
import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.OUTSIDER;
import static dev.gatehouse.adapter.cli.CliHarness.RIGHT_PASSCODE;
import static dev.gatehouse.adapter.cli.CliHarness.WORKSPACE;
import static dev.gatehouse.adapter.cli.CliHarness.WRONG_PASSCODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.port.in.challenge.ClaimSessionCommand;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.application.port.in.session.ListSessionsQuery;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code open}: every way a workspace opens or stays shut. */
class OpenSubcommandTest {

  private static List<AuditEvent> audit(CliHarness cli, AuditEventType type) {
    return cli.env.gatehouse.listAuditEvents()
        .list(new ListAuditEventsQuery(new UserName(ADMIN), Optional.empty(), Optional.empty(), 1000))
        .stream().filter(e -> e.type() == type).toList();
  }

  private static Result join(CompletableFuture<Result> running) throws Exception {
    return running.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aWorkspaceWithoutDuoOpensAtOnce() {
    Result result = CliHarness.withWorkspace().runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).hasSize(2);
    assertThat(result.outLines().get(0))
        .isEqualTo("Workspace servers is open (no second factor required), until 2026-11-29T17:00:00Z.");
    assertThat(result.outLines().get(1)).matches("Session token: [A-Za-z0-9_-]{22,128}");
  }

  @Test
  void anApprovedPushOpensAndShowsDuosMessages() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.resolvePushesWith(CliHarness.approved());

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).startsWith("Pushed a login request to your device...", "Success. Logging you in...",
        "Workspace servers is open (Duo approved), until 2026-11-29T17:00:00Z.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void waitsForAPendingPushWhileShowingItsStatus() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");

    CompletableFuture<Result> running = cli.start(MEMBER, "open", WORKSPACE, "--json");
    CliHarness.await("the push is pending", () -> cli.env.duo.count(Operation.AWAIT_STATUS) >= 2);
    cli.env.duo.approve(cli.env.duo.lastTransaction());
    Result result = join(running);

    assertThat(result.exit()).isZero();
    JsonNode json = result.json();
    assertThat(json.get("outcome").asText()).isEqualTo("granted");
    assertThat(json.get("grant").asText()).isEqualTo("duo_approved");
    assertThat(json.get("sessionToken").asText()).matches("[A-Za-z0-9_-]{22,128}");
    assertThat(json.get("challenge").get("state").asText()).isEqualTo("approved");
    assertThat(cli.interrupts.isArmed()).as("Ctrl-C is disarmed once the challenge ended").isFalse();
  }

  @Test
  void showsASpinnerOnlyOnATerminal() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.console = CliHarness.TestConsole.terminal();
    // A wait longer than a spinner tick: a push's waiting clients are woken only by a change.
    cli.pollWait = Duration.ofSeconds(1);

    CompletableFuture<Result> running = cli.start(MEMBER, "open", WORKSPACE);
    CliHarness.await("the push is pending and followed", () -> cli.env.duo.count(Operation.AWAIT_STATUS) >= 1
        && cli.interrupts.isArmed());
    Thread.sleep(300);
    cli.env.duo.approve(cli.env.duo.lastTransaction());
    Result onTerminal = join(running);

    assertThat(onTerminal.exit()).isZero();
    assertThat(onTerminal.out()).contains("\r\u001b[K| Waiting for Duo... (Ctrl-C cancels)", "Pushed a login request");

    CliHarness plain = CliHarness.withActiveDevice("push");
    CompletableFuture<Result> plainRun = plain.start(MEMBER, "open", WORKSPACE);
    CliHarness.await("the push is pending and followed", () -> plain.env.duo.count(Operation.AWAIT_STATUS) >= 1
        && plain.interrupts.isArmed());
    Thread.sleep(300);
    plain.env.duo.approve(plain.env.duo.lastTransaction());
    assertThat(join(plainRun).out()).doesNotContain("\r", "\u001b[", "Waiting for Duo");
  }

  @Test
  void ctrlCCancelsThePendingChallenge() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");

    CompletableFuture<Result> running = cli.start(MEMBER, "open", WORKSPACE);
    CliHarness.await("the push is pending and Ctrl-C armed",
        () -> cli.env.duo.count(Operation.AWAIT_STATUS) >= 2 && cli.interrupts.isArmed());
    cli.interrupts.fire();
    Result result = join(running);

    assertThat(result.exit()).isEqualTo(130);
    assertThat(result.errLines()).containsExactly("gatehouse: cancelled; the pending Duo request was withdrawn");
    assertThat(audit(cli, AuditEventType.CHALLENGE_DENIED)).singleElement()
        .satisfies(event -> assertThat(event.outcome()).isEqualTo("cancelled"));
    cli.env.duo.resolvePushesWith(CliHarness.approved());
    assertThat(cli.runAs(MEMBER, "open", WORKSPACE).exit())
        .as("a cancelled push starts the cooldown").isEqualTo(1);
    cli.env.clock.advance(MfaOptions.DEFAULTS.pushCooldown());
    assertThat(cli.runAs(MEMBER, "open", WORKSPACE).exit())
        .as("no pending push is left to block the next open").isZero();
  }

  @Test
  void ctrlCWhileAPasscodeIsAwaitedCancelsToo() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    cli.console = CliHarness.TestConsole.terminal();
    cli.console.onPrompt = cli.interrupts::fire;

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isEqualTo(130);
    assertThat(result.errLines()).containsExactly("gatehouse: cancelled; the pending Duo request was withdrawn");
    assertThat(audit(cli, AuditEventType.CHALLENGE_DENIED)).extracting(AuditEvent::outcome).containsExactly("cancelled");
  }

  @Test
  void aPasscodeIsAskedForWithoutEchoOnATerminal() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    cli.console = CliHarness.TestConsole.terminal(WRONG_PASSCODE, RIGHT_PASSCODE);

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isZero();
    assertThat(cli.console.prompts).containsExactly("Passcode: ", "Passcode: ");
    assertThat(result.out()).contains("Incorrect passcode. Please try again. (4 attempts left)", "(Duo approved)");
    assertThat(result.out() + result.err()).doesNotContain(RIGHT_PASSCODE, WRONG_PASSCODE);
  }

  @Test
  void aPasscodeIsReadFromStandardInputWithoutATerminal() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    long before = cli.env.duo.count(Operation.VERIFY_PASSCODE);
    cli.stdin = "no!\n" + RIGHT_PASSCODE + "\n";

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("The passcode must be 4 to 64 letters or digits; try again.");
    assertThat(cli.env.duo.count(Operation.VERIFY_PASSCODE) - before).as("a malformed passcode never reaches Duo").isEqualTo(1);
  }

  @Test
  void noPasscodeAtAllCancelsTheChallengeAndIsInvalidInput() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("gatehouse: no passcode given; the challenge was cancelled");
    assertThat(audit(cli, AuditEventType.CHALLENGE_DENIED)).extracting(AuditEvent::outcome).containsExactly("cancelled");
  }

  @Test
  void aWrongPasscodeOptionIsDeniedWithoutAskingAndLeavesTheChallengeOpen() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    long before = cli.env.duo.count(Operation.VERIFY_PASSCODE);
    cli.stdin = RIGHT_PASSCODE + "\n";

    Result result = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", WRONG_PASSCODE, "--json");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("gatehouse: the passcode was not accepted (Incorrect passcode. "
        + "Please try again.); 4 attempts left: run the command again with the right passcode (--passcode-stdin)");
    assertThat(result.json().get("outcome").asText()).isEqualTo("denied");
    assertThat(cli.env.duo.count(Operation.VERIFY_PASSCODE) - before).as("asked nothing on standard input").isEqualTo(1);
    assertThat(audit(cli, AuditEventType.CHALLENGE_DENIED)).as("not cancelled").isEmpty();
  }

  /** Cancelling would start the cooldown: one mistyped SMS code must not block the right one. */
  @Test
  void aWrongSmsPasscodeOptionLeavesTheChallengeOpenForTheRightOne() {
    CliHarness cli = CliHarness.withActiveDevice("sms");
    long smsBefore = cli.env.duo.count(Operation.SEND_SMS);

    Result wrong = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", WRONG_PASSCODE);
    cli.env.clock.advance(Duration.ofSeconds(2));
    Result right = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", RIGHT_PASSCODE);

    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.errLines()).singleElement().asString()
        .startsWith("gatehouse: the passcode was not accepted").contains("4 attempts left");
    assertThat(right.exit()).as("stderr: %s", right.err()).isZero();
    assertThat(right.out()).contains("(Duo approved)");
    assertThat(cli.env.duo.count(Operation.SEND_SMS) - smsBefore).as("one SMS batch for both tries").isEqualTo(1);
    assertThat(audit(cli, AuditEventType.CHALLENGE_DENIED)).isEmpty();
  }

  @Test
  void theAttemptsLeftCountDownOverRunsWithAWrongPasscodeOption() {
    CliHarness cli = CliHarness.withActiveDevice("sms");

    cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", WRONG_PASSCODE);
    Result second = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", WRONG_PASSCODE);

    assertThat(second.exit()).isEqualTo(1);
    assertThat(second.errLines()).singleElement().asString().contains("3 attempts left");
  }

  @Test
  void passcodeStdinReadsThePasscodeFromTheFirstLineOfStandardInput() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    cli.stdin = RIGHT_PASSCODE + "\n";

    Result result = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode-stdin");

    assertThat(result.exit()).as("stderr: %s", result.err()).isZero();
    assertThat(result.out()).contains("(Duo approved)");
    assertThat(result.out() + result.err()).doesNotContain(RIGHT_PASSCODE);
  }

  @Test
  void aWrongPasscodeOnStandardInputIsDeniedWithoutReadingMore() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    long before = cli.env.duo.count(Operation.VERIFY_PASSCODE);
    cli.stdin = WRONG_PASSCODE + "\n" + RIGHT_PASSCODE + "\n";

    Result result = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode-stdin");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("gatehouse: the passcode was not accepted").contains("4 attempts left");
    assertThat(cli.env.duo.count(Operation.VERIFY_PASSCODE) - before).isEqualTo(1);
    assertThat(result.out() + result.err()).doesNotContain(WRONG_PASSCODE);
  }

  @Test
  void passcodeStdinOnATerminalAsksWithoutEcho() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    cli.console = CliHarness.TestConsole.terminal(RIGHT_PASSCODE);

    Result result = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode-stdin");

    assertThat(result.exit()).isZero();
    assertThat(cli.console.prompts).containsExactly("Passcode: ");
  }

  @Test
  void passcodeStdinWithoutALineOrWithPasscodeIsInvalidUsage() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    long before = cli.env.duo.count(Operation.PREAUTH);

    Result empty = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode-stdin");
    cli.stdin = RIGHT_PASSCODE + "\n";
    Result both = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode-stdin", "--passcode", RIGHT_PASSCODE);

    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.errLines()).containsExactly("gatehouse: --passcode-stdin: standard input has no passcode line");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.errLines()).containsExactly("gatehouse: use either --passcode-stdin or --passcode, not both");
    assertThat(cli.env.duo.count(Operation.PREAUTH)).as("Duo is not asked").isEqualTo(before);
  }

  @Test
  void theRightPasscodeDoesNotUseUpAnAttempt() {
    CliHarness cli = CliHarness.withActiveDevice("sms");

    cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", WRONG_PASSCODE);
    Result right = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", RIGHT_PASSCODE, "--json");

    assertThat(right.exit()).as("stderr: %s", right.err()).isZero();
    assertThat(right.json().at("/challenge/state").asText()).isEqualTo("approved");
    assertThat(right.json().at("/challenge/remainingPasscodeAttempts").asInt()).as("only the wrong one counts")
        .isEqualTo(4);
  }

  @Test
  void smsSendsTheBatchThenTakesThePasscodeOption() {
    CliHarness cli = CliHarness.withActiveDevice("sms");

    Result result = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", RIGHT_PASSCODE);

    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).startsWith("New SMS passcodes sent.", "Success. Logging you in...");
    List<Operation> opened = cli.env.duo.calls().stream().map(FakeSecondFactorGateway.Call::operation).toList();
    assertThat(opened.subList(opened.lastIndexOf(Operation.PREAUTH), opened.size()))
        .containsExactly(Operation.PREAUTH, Operation.SEND_SMS, Operation.VERIFY_PASSCODE);
  }

  @Test
  void withoutAnActiveDeviceAccessIsDenied() {
    Result result = CliHarness.withDuo().runAs(MEMBER, "open", WORKSPACE, "--json");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).singleElement().asString().startsWith("gatehouse: No verified Duo device");
    assertThat(result.json().get("denial").get("code").asText()).isEqualTo("no_active_device");
  }

  @Test
  void aDeniedPushIsAccessDeniedAndStartsACooldown() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.resolvePushesWith(CliHarness.denied(DenialReason.DENIED));

    Result denied = cli.runAs(MEMBER, "open", WORKSPACE);
    Result cooling = cli.runAs(MEMBER, "open", WORKSPACE, "--json");

    assertThat(denied.exit()).isEqualTo(1);
    assertThat(denied.errLines()).containsExactly("gatehouse: denied: Login request denied.");
    assertThat(cooling.exit()).isEqualTo(1);
    assertThat(cooling.errLines()).containsExactly("gatehouse: A request was just denied; wait before sending another "
        + "(retry after 2026-11-29T09:00:30Z)");
    assertThat(cooling.json().get("denial").get("retryAfter").asText()).isEqualTo("2026-11-29T09:00:30Z");
  }

  @Test
  void aFraudReportSuspendsUntilAnAdministratorClearsIt() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.resolvePushesWith(CliHarness.denied(DenialReason.FRAUD));

    Result fraud = cli.runAs(MEMBER, "open", WORKSPACE);
    cli.env.duo.resolvePushesWith(CliHarness.approved());
    Result suspended = cli.runAs(MEMBER, "open", WORKSPACE);
    Result byMember = cli.runAs(MEMBER, "suspension", "clear", WORKSPACE, MEMBER);
    cli.approval(ADMIN);
    cli.env.duo.resolvePushesWith(CliHarness.approved());
    Result cleared = cli.run("suspension", "clear", WORKSPACE, MEMBER);
    Result again = cli.run("suspension", "clear", WORKSPACE, MEMBER);
    cli.env.clock.advance(Duration.ofMinutes(1));
    Result opened = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(fraud.exit()).isEqualTo(1);
    assertThat(fraud.errLines()).containsExactly("gatehouse: denied and reported as fraud: Login request denied.");
    assertThat(suspended.exit()).isEqualTo(1);
    assertThat(suspended.errLines()).singleElement().asString().contains("suspended after a fraud report");
    assertThat(byMember.exit()).isEqualTo(1);
    assertThat(cleared.exit()).isZero();
    assertThat(cleared.out().strip()).isEqualTo("Cleared the suspension of bob in workspace servers.");
    assertThat(again.exit()).as("nothing left to clear").isEqualTo(2);
    assertThat(opened.exit()).isZero();
  }

  @Test
  void anApprovedUnlocksSessionIsClaimedOnceByTheOpenFlow() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");

    CompletableFuture<Result> running = cli.start(MEMBER, "open", WORKSPACE, "--json");
    CliHarness.await("the push is pending", () -> cli.env.duo.count(Operation.AWAIT_STATUS) >= 2);
    cli.env.duo.approve(cli.env.duo.lastTransaction());
    Result result = join(running);

    assertThat(result.exit()).as(result.err()).isZero();
    ChallengeId challenge = new ChallengeId(result.json().at("/challenge/id").asText());
    assertThat(cli.env.gatehouse.listSessions().list(new ListSessionsQuery(new UserName(ADMIN), new WorkspaceName(WORKSPACE))))
        .singleElement().satisfies(s -> assertThat(s.user()).isEqualTo(new UserName(MEMBER)));
    assertThatThrownBy(() -> cli.env.gatehouse.claimSession().claim(new ClaimSessionCommand(new UserName(MEMBER), challenge)))
        .as("the open flow claimed it").isInstanceOf(ConflictException.class);
  }

  @Test
  void aSuspensionWhileThePushWaitsIsReportedAsSuspended() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");

    CompletableFuture<Result> running = cli.start(MEMBER, "open", WORKSPACE, "--json");
    CliHarness.await("the push is pending", () -> cli.env.duo.count(Operation.AWAIT_STATUS) >= 2);
    // As a fraud report on another of bob's requests would, while this push still waits.
    cli.env.ports.guards().save(AccessGuard.clear(
        cli.env.ports.workspaces().find(new WorkspaceName(WORKSPACE)).orElseThrow().id(), new UserName(MEMBER))
        .afterFraud(cli.env.clock.instant()));
    cli.env.duo.approve(cli.env.duo.lastTransaction());
    Result overtaken = join(running);
    Result refused = cli.runAs(MEMBER, "open", WORKSPACE, "--json");

    assertThat(overtaken.exit()).isEqualTo(1);
    assertThat(overtaken.errLines()).containsExactly(
        "gatehouse: suspended: Access is suspended after a fraud report; an administrator must clear it");
    assertThat(overtaken.json().at("/challenge/denialReason").asText()).isEqualTo("suspended");
    assertThat(overtaken.json().at("/challenge/reason").isMissingNode()).as("one name per field across faces").isTrue();
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.json().at("/denial/code").asText()).isEqualTo("suspended");
    assertThat(audit(cli, AuditEventType.CHALLENGE_DENIED)).first()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("suspended"));
    assertThat(audit(cli, AuditEventType.ACCESS_DENIED)).first()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("suspended"));
  }

  @Test
  void aBusyGatehouseIsOneLineAndExit3AndSendsNothing() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.resolvePushesWith(CliHarness.approved());
    assertThat(cli.runAs(CliHarness.OTHER_MEMBER, "duo", "use-device", WORKSPACE, CliHarness.PHONE.id().value(),
        "--method", "push").exit()).isZero();
    cli.env.duo.resolvePushesWith(null);
    Gatehouse busy = Gatehouse.assemble(cli.env.ports, GatehouseOptions.client().withMaxPending(1));
    cli.factory = options -> busy;

    CompletableFuture<Result> waiting = cli.start(MEMBER, "open", WORKSPACE);
    CliHarness.await("bob's push is followed", () -> busy.challenges().following() == 1);
    long pushes = cli.env.duo.count(Operation.START_AUTH);
    Result refused = cli.runAs(CliHarness.OTHER_MEMBER, "open", WORKSPACE);
    cli.env.duo.approve(cli.env.duo.lastTransaction());

    assertThat(refused.exit()).isEqualTo(3);
    assertThat(refused.errLines()).singleElement().asString().startsWith("gatehouse: busy: ").endsWith("(retry in 5 s)");
    assertThat(cli.env.duo.count(Operation.START_AUTH)).as("nothing was sent to Duo").isEqualTo(pushes);
    assertThat(join(waiting).exit()).isZero();
    busy.close();
  }

  @Test
  void tooManyWrongPasscodesLockTheMemberOut() {
    CliHarness cli = CliHarness.withActiveDevice("passcode");
    cli.stdin = (WRONG_PASSCODE + "\n").repeat(5);

    Result first = cli.runAs(MEMBER, "open", WORKSPACE);
    Result second = cli.runAs(MEMBER, "open", WORKSPACE);
    cli.stdin = RIGHT_PASSCODE + "\n";
    Result locked = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(first.exit()).isEqualTo(1);
    assertThat(first.errLines()).containsExactly("gatehouse: too many wrong passcodes: Incorrect passcode. Please try again.");
    assertThat(second.exit()).isEqualTo(1);
    assertThat(locked.exit()).isEqualTo(1);
    assertThat(locked.errLines()).singleElement().asString().startsWith("gatehouse: Too many wrong passcodes; try again later");
  }

  @Test
  void anExpiredPushIsAccessDenied() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");

    CompletableFuture<Result> running = cli.start(MEMBER, "open", WORKSPACE);
    CliHarness.await("the push is pending", () -> cli.env.duo.count(Operation.AWAIT_STATUS) >= 2);
    cli.env.clock.advance(Duration.ofMinutes(2));
    Result result = join(running);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("gatehouse: expired: The request expired");
  }

  @Test
  void duoRefusingAPushItFollowsFailsTheChallengeAsADuoProblem() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    // An unreachable Duo is retried while the push may still be answered; a refusal ends it.
    cli.env.duo.failAlways(Operation.AWAIT_STATUS,
        FakeSecondFactorGateway.rejected(SecondFactorRejectedException.Reason.REQUEST_REJECTED));

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.errLines()).singleElement().asString().startsWith("gatehouse: failed: ");
  }

  @Test
  void anUnreachableDuoDeniesUnderSecureAndGrantsUnderSafe() {
    CliHarness secure = CliHarness.withActiveDevice("push");
    secure.env.duo.failAlways(Operation.PREAUTH,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.UNREACHABLE));
    CliHarness safe = CliHarness.withActiveDevice("push");
    safe.approval(ADMIN); // switching secure to safe
    safe.env.gatehouse.configureDuo().configure(new dev.gatehouse.application.port.in.ConfigureDuoCommand(
        new UserName(ADMIN), new dev.gatehouse.domain.workspace.WorkspaceName(WORKSPACE),
        dev.gatehouse.application.contract.StorageFixtures.duoSettings(), Failmode.SAFE,
        dev.gatehouse.domain.mfa.MfaOptions.DEFAULTS));
    safe.env.duo.failAlways(Operation.PREAUTH,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.UNREACHABLE));

    Result denied = secure.runAs(MEMBER, "open", WORKSPACE);
    Result granted = safe.runAs(MEMBER, "open", WORKSPACE, "--json");

    assertThat(denied.exit()).isEqualTo(3);
    assertThat(denied.errLines()).containsExactly("gatehouse: Duo is unavailable: simulated UNREACHABLE");
    assertThat(granted.exit()).isZero();
    assertThat(granted.json().get("grant").asText()).isEqualTo("failsafe");
  }

  @Test
  void enrollmentOrADuoDenyAreAccessDenied() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.notEnrolled(MEMBER);

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).singleElement().asString().contains("enroll at https://api-test.duosecurity.com/portal");
  }

  @Test
  void aBypassUserIsGranted() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.bypass(MEMBER);

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("(Duo let you in without a second factor)");
  }

  @Test
  void unknownWorkspacesAndOutsidersAreRefused() {
    CliHarness cli = CliHarness.withWorkspace();

    Result unknown = cli.runAs(MEMBER, "open", "nope");
    Result outsider = cli.runAs(OUTSIDER, "open", WORKSPACE);
    Result malformed = cli.runAs(MEMBER, "open", "no such/workspace");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.errLines()).containsExactly("gatehouse: no workspace named nope");
    assertThat(outsider.exit()).isEqualTo(1);
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.errLines()).singleElement().asString().startsWith("gatehouse: WORKSPACE must be");
  }

  @Test
  void aDisabledSecondFactorLetsMembersStraightIn() {
    CliHarness cli = CliHarness.withActiveDevice("push");

    Result byMember = cli.runAs(MEMBER, "mfa", "disable", WORKSPACE);
    Result withoutApproval = cli.run("mfa", "disable", WORKSPACE);
    cli.approval(ADMIN);
    Result disabled = cli.run("mfa", "disable", WORKSPACE, "--json");
    Result opened = cli.runAs(MEMBER, "open", WORKSPACE, "--json");

    assertThat(byMember.exit()).isEqualTo(1);
    assertThat(withoutApproval.exit()).isEqualTo(1);
    assertThat(withoutApproval.errLines()).containsExactly("gatehouse: access denied: removing MFA in workspace servers"
        + " needs your own Duo approval from the last 5 minutes: open workspace servers with Duo, then try again"
        + " within 5 minutes");
    assertThat(disabled.exit()).isZero();
    assertThat(disabled.json().get("mfa").asText()).isEqualTo("none");
    assertThat(opened.json().get("grant").asText()).isEqualTo("no_mfa");
    assertThat(cli.env.gatehouse.listWorkspaces().list(new dev.gatehouse.application.port.in.ListWorkspacesQuery(
        new UserName(ADMIN)))).extracting(WorkspaceDetails::duo).containsExactly(Optional.empty());
  }

  // ---- Verified Duo Push; push or passcode, whichever comes first -----------------------------

  @Test
  void showsTheVerificationCodeProminentlyWhileThePushWaits() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.env.duo.requiresVerifiedPush(MEMBER, CliHarness.PHONE).whileWaitingReport(new AuthStatus.Waiting(
        StatusMessage.of("Please enter verification code 708 into Duo Mobile..."),
        Optional.of(new VerificationCode("708"))));

    CompletableFuture<Result> running = cli.start(MEMBER, "open", WORKSPACE);
    CliHarness.await("the push is pending", () -> cli.env.duo.count(Operation.AWAIT_STATUS) >= 3);
    cli.env.duo.approve(cli.env.duo.lastTransaction());
    Result result = join(running);

    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).containsOnlyOnce("    >>>  Enter 708 in Duo Mobile  <<<")
        .noneMatch(line -> line.startsWith("Please enter verification code"));
    assertThat(cli.env.duo.lastPushContext().verifiedPush()).isPresent();
  }

  @Test
  void thePasscodeGivenSettlesAPushStillWaiting() {
    CliHarness cli = CliHarness.withActiveDevice("push");

    Result result = cli.runAs(MEMBER, "open", WORKSPACE, "--passcode", RIGHT_PASSCODE);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("Settled by the passcode; the push was superseded.")
        .contains("Workspace servers is open (Duo approved)").doesNotContain(RIGHT_PASSCODE);
    assertThat(audit(cli, AuditEventType.CHALLENGE_APPROVED).get(0).method()).contains(DuoMethod.PASSCODE);
  }

  @Test
  void aWrongPasscodeGivenLeavesThePushWaitingAndItsApprovalOpens() throws Exception {
    CliHarness cli = CliHarness.withActiveDevice("push");

    CliHarness.Running running = cli.startWatched(MEMBER, "open", WORKSPACE, "--passcode", WRONG_PASSCODE);
    WorkspaceId servers = cli.env.ports.workspaces().find(new WorkspaceName(WORKSPACE)).orElseThrow().id();
    CliHarness.await("the wrong passcode was counted and the push still waits",
        () -> cli.env.ports.challenges().findOpen(servers, new UserName(MEMBER)).stream()
            .anyMatch(c -> c.remainingPasscodeAttempts() == 4));
    // Approved only once the command said so: an approval racing the answer to the passcode would
    // rightly leave nothing to say about it.
    CliHarness.await("the command reported the wrong passcode", () -> running.outSoFar().contains("attempts left"));
    cli.env.duo.approve(cli.env.duo.lastTransaction());
    Result result = join(running.result());

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("4 attempts left); still waiting for the push")
        .contains("Workspace servers is open (Duo approved)");
    assertThat(audit(cli, AuditEventType.CHALLENGE_APPROVED).get(0).method()).contains(DuoMethod.PUSH);
  }

  @Test
  void onATerminalAPasscodeTypedBesideTheWaitingPushWins() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    CliHarness.TestConsole terminal = CliHarness.TestConsole.terminal(RIGHT_PASSCODE);
    cli.console = terminal;

    Result result = cli.runAs(MEMBER, "open", WORKSPACE);

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(terminal.prompts).containsExactly("Passcode (or approve on your phone): ");
    assertThat(result.out()).contains("or type a passcode instead")
        .contains("Settled by the passcode; the push was superseded.").doesNotContain(RIGHT_PASSCODE);
    assertThat(audit(cli, AuditEventType.CHALLENGE_APPROVED).get(0).method()).contains(DuoMethod.PASSCODE);
  }
}
