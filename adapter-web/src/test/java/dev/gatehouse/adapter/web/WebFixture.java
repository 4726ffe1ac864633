package dev.gatehouse.adapter.web;

import dev.gatehouse.application.port.in.entry.AddEntryCommand;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ClaimSessionCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryKind;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.EntryTag;
import dev.gatehouse.domain.entry.StepUp;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The console on a free loopback port over Gatehouse on in-memory fakes: an administrator, a
 * member "alice" with one phone, a Duo workspace "prod" with two entries and an MFA-free "lab".
 * The web sessions use the core's hand-moved clock, so a test can let them expire.
 */
final class WebFixture implements AutoCloseable {
  static final String HOST = "api-test.duosecurity.com";
  static final String IKEY = "DIWJ8X6AEYOR5OMC6TQ1";
  static final String SKEY = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";
  static final String ENTRY_PASSWORD = "c0rrect-Horse-battery";
  static final String SMS_CODE = "246810";
  static final String VERIFICATION_CODE = "708";
  static final String ENTER_CODE = "Verified Duo Push: enter verification code 708 into Duo Mobile";
  static final DuoDevice PHONE = new DuoDevice(new DeviceId("DPFZRS9FB0D46QFTM891"), "phone",
      "iOS (XXX-XXX-0100)", Set.of(DeviceCapability.PUSH, DeviceCapability.SMS, DeviceCapability.PHONE,
      DeviceCapability.MOBILE_OTP));
  static final String STEP_UP_ENTRY = "vault-root";
  static final String STEP_UP_PASSWORD = "s7ep-Up-only-after-Duo";
  static final WorkspaceName PROD = new WorkspaceName("prod");
  static final WorkspaceName LAB = new WorkspaceName("lab");
  static final UserName ADMIN = new UserName("admin");
  static final UserName ALICE = new UserName("alice");

  final InMemoryGatehouse core = new InMemoryGatehouse();
  final WebConsole console;
  final Javalin server;
  final String adminToken;
  final String aliceToken;

  WebFixture() {
    console = new WebConsole(core.gatehouse, WebConfig.defaults(), core.clock);
    server = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.startupWatcherEnabled = false;
      // As the REST server that hosts the console in production: no compression.
      cfg.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
      cfg.jetty.addConnector((jetty, http) -> {
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        return connector;
      });
      console.install(cfg);
    }).start();
    core.gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.ADMINISTRATOR, Optional.empty()));
    core.gatehouse.addUser().add(new AddUserCommand(ADMIN, ALICE, Role.MEMBER, Optional.empty()));
    adminToken = core.gatehouse.issueApiToken().issue(new IssueApiTokenCommand(ADMIN, ADMIN)).token().reveal();
    aliceToken = core.gatehouse.issueApiToken().issue(new IssueApiTokenCommand(ADMIN, ALICE)).token().reveal();
    core.duo.enrolled("alice", PHONE).acceptsPasscode("alice", SMS_CODE);
    workspace(PROD, "Production jump hosts");
    workspace(LAB, "Test lab, no second factor");
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private void workspace(WorkspaceName name, String description) {
    core.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, name, new WorkspaceDescription(description)));
    core.gatehouse.addMember().add(new AddMemberCommand(ADMIN, name, ALICE, Optional.of(MemberRole.EDITOR)));
    // Entries go in while the workspace has no second factor: alice opens it, adds them, closes it.
    UnlockResult.Granted granted = (UnlockResult.Granted) core.gatehouse.openWorkspace()
        .open(new OpenWorkspaceCommand(ALICE, name, ClientContext.UNKNOWN));
    SessionCredentials session = new SessionCredentials(ALICE, name, granted.session().token());
    entry(session, "db-primary", EntryKind.SSH, "10.0.0.5", 22, "postgres");
    entry(session, "jump-" + name.value(), EntryKind.RDP, "jump." + name.value() + ".example", 3389, "ops");
    core.gatehouse.closeSession().close(new CloseSessionCommand(session));
  }

  private void entry(SessionCredentials session, String name, EntryKind kind, String host, int port, String user) {
    core.gatehouse.addEntry().add(new AddEntryCommand(session, EntryDetails.of(new EntryName(name), kind, host,
        Optional.of(port), Optional.of(user), Optional.empty(), Optional.empty(), "Ask ops before rebooting.",
        Set.of(new EntryTag(kind.wireName()))), Optional.of(EntrySecret.password(ENTRY_PASSWORD))));
  }

  /** Adds members to prod in every other preauth state: bob (Duo bypass), carol (not enrolled), dave (locked out at Duo). */
  void membersInEveryPreauthState() {
    for (String name : java.util.List.of("bob", "carol", "dave")) {
      core.gatehouse.addUser().add(new AddUserCommand(ADMIN, new UserName(name), Role.MEMBER, Optional.empty()));
      core.gatehouse.addMember().add(new AddMemberCommand(ADMIN, PROD, new UserName(name), Optional.of(MemberRole.READER)));
    }
    core.duo.bypass("bob").notEnrolled("carol").lockedOut("dave");
  }

  /** Adds the entry {@value #STEP_UP_ENTRY} to prod, whose reveal needs a Duo approval no older than 5 minutes (before Duo is configured). */
  void stepUpEntry() {
    UnlockResult.Granted granted = (UnlockResult.Granted) core.gatehouse.openWorkspace()
        .open(new OpenWorkspaceCommand(ALICE, PROD, ClientContext.UNKNOWN));
    SessionCredentials session = new SessionCredentials(ALICE, PROD, granted.session().token());
    core.gatehouse.addEntry().add(new AddEntryCommand(session, EntryDetails.of(new EntryName(STEP_UP_ENTRY),
        EntryKind.SSH, "10.0.0.9", Optional.of(22), Optional.of("root"), Optional.empty(), Optional.empty(),
        "Break glass only.", Set.of()).withStepUp(Optional.of(StepUp.of(Duration.ofMinutes(5)))),
        Optional.of(EntrySecret.password(STEP_UP_PASSWORD))));
    core.gatehouse.closeSession().close(new CloseSessionCommand(session));
  }

  /** Configures Duo on prod through the use case (tests of the settings page do it in the browser). */
  void configureDuo() {
    ConfigureDuoResult result = core.gatehouse.configureDuo().configure(new ConfigureDuoCommand(ADMIN, PROD,
        new DuoSettings(new ApiHostname(HOST), new IntegrationKey(IKEY), new DuoSecretKey(SKEY)), Failmode.SECURE,
        MfaOptions.DEFAULTS));
    assertThat(result).isInstanceOf(ConfigureDuoResult.Configured.class);
  }

  /** Alice chooses her phone with the method and verifies it (approving the push, or typing the SMS code). */
  void activate(DuoMethod method) {
    ChooseDuoDeviceResult result = core.gatehouse.chooseDuoDevice().choose(new ChooseDuoDeviceCommand(ALICE, PROD,
        new DeviceSelection(PHONE.id(), method), ClientContext.UNKNOWN));
    ChallengeView challenge = ((ChooseDuoDeviceResult.Verifying) result).challenge();
    ChallengeView done;
    if (method.isOutOfBand()) {
      core.duo.approve(core.duo.lastTransaction());
      done = core.gatehouse.getChallenge().get(new GetChallengeQuery(ALICE, challenge.id(), Duration.ofSeconds(5)))
          .toCompletableFuture().join();
    } else {
      done = core.gatehouse.submitPasscode().submit(new SubmitPasscodeCommand(ALICE, challenge.id(),
          new Passcode(SMS_CODE), ClientContext.UNKNOWN));
    }
    assertThat(done.state()).isEqualTo(ChallengeState.APPROVED);
  }

  /**
   * Gives the administrator their own fresh Duo approval for prod, as security-relevant
   * administration needs: a member with {@link #PHONE} verified for push who opened prod with Duo.
   */
  void adminApproval() {
    core.gatehouse.addMember().add(new AddMemberCommand(ADMIN, PROD, ADMIN, Optional.of(MemberRole.READER)));
    core.duo.enrolled("admin", PHONE);
    ChallengeView verifying = ((ChooseDuoDeviceResult.Verifying) core.gatehouse.chooseDuoDevice().choose(
        new ChooseDuoDeviceCommand(ADMIN, PROD, new DeviceSelection(PHONE.id(), DuoMethod.PUSH),
            ClientContext.UNKNOWN))).challenge();
    core.duo.approve(core.duo.lastTransaction());
    assertThat(core.gatehouse.getChallenge().get(new GetChallengeQuery(ADMIN, verifying.id(), Duration.ofSeconds(5)))
        .toCompletableFuture().join().state()).isEqualTo(ChallengeState.APPROVED);
    ChallengeView unlock = ((UnlockResult.Pending) core.gatehouse.openWorkspace()
        .open(new OpenWorkspaceCommand(ADMIN, PROD, ClientContext.UNKNOWN))).challenge();
    core.duo.approve(core.duo.lastTransaction());
    ChallengeView approved = core.gatehouse.getChallenge()
        .get(new GetChallengeQuery(ADMIN, unlock.id(), Duration.ofSeconds(5))).toCompletableFuture().join();
    assertThat(approved.sessionReady()).isTrue();
    core.gatehouse.claimSession().claim(new ClaimSessionCommand(ADMIN, approved.id()));
  }

  /** From now on alice's policy requires Verified Duo Push; a waiting push reports its code. */
  void requireVerifiedPush() {
    core.duo.requiresVerifiedPush("alice", PHONE).whileWaitingReport(new AuthStatus.Waiting(
        StatusMessage.of(ENTER_CODE), Optional.of(new VerificationCode(VERIFICATION_CODE))));
  }

  @Override
  public void close() {
    server.stop();
  }
}
