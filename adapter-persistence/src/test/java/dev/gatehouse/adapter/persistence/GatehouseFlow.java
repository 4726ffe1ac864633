package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.contract.EntryRepositoryContract;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ClaimSessionCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.in.entry.AddEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The seed's whole flow through the real use cases, writing to every table: users, an API token,
 * a workspace with a member, Duo settings, a device choice verified by a push, an unlock approved
 * by a push (a session), an entry with a password (a data key) revealed, a wrong passcode (an
 * access guard) and the audit trail.
 */
final class GatehouseFlow {
  static final UserName ADMIN = new UserName("alice");
  static final UserName MEMBER = new UserName("bob");
  static final WorkspaceName WORKSPACE = new WorkspaceName("servers");
  static final EntryName ENTRY = new EntryName("db1");
  /** The entry's password, which storage must never hold in plain text either. */
  static final String ENTRY_PASSWORD = "flow-entry-p4ssw0rd-9Zq";
  static final DuoDevice PHONE = new DuoDevice(new DeviceId("DPFZRS9FB0D46QFTM891"), "phone", "iOS",
      Set.of(DeviceCapability.PUSH, DeviceCapability.MOBILE_OTP));

  /** The plain tokens and secrets the flow was handed, which storage must never hold. */
  record Tokens(List<String> plain) {}

  private GatehouseFlow() {}

  static FakeSecondFactorGateway duo() {
    return new FakeSecondFactorGateway().enrolled(MEMBER.value(), PHONE).acceptsPasscode(MEMBER.value(), "123456");
  }

  static Tokens run(GatehousePorts ports, FakeSecondFactorGateway duo) throws Exception {
    Gatehouse gatehouse = Gatehouse.assemble(ports);
    gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.ADMINISTRATOR, Optional.empty()));
    gatehouse.addUser().add(new AddUserCommand(ADMIN, MEMBER, Role.MEMBER, Optional.empty()));
    String apiToken = gatehouse.issueApiToken().issue(new IssueApiTokenCommand(ADMIN, MEMBER)).token().reveal();
    gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, WORKSPACE, WorkspaceDescription.NONE));
    gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER, Optional.of(MemberRole.EDITOR)));
    gatehouse.configureDuo().configure(new ConfigureDuoCommand(ADMIN, WORKSPACE, StorageFixtures.duoSettings(),
        Failmode.SECURE, MfaOptions.DEFAULTS));
    ChooseDuoDeviceResult.Verifying verifying = (ChooseDuoDeviceResult.Verifying) gatehouse.chooseDuoDevice()
        .choose(new ChooseDuoDeviceCommand(MEMBER, WORKSPACE, new DeviceSelection(PHONE.id(), DuoMethod.PUSH),
            ClientContext.UNKNOWN));
    duo.approve(duo.lastTransaction());
    read(gatehouse, verifying.challenge().id());

    UnlockResult opened = gatehouse.openWorkspace().open(new OpenWorkspaceCommand(MEMBER, WORKSPACE, ClientContext.UNKNOWN));
    duo.approve(duo.lastTransaction());
    ChallengeView approved = read(gatehouse, ((UnlockResult.Pending) opened).challenge().id());
    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    SecretToken session = gatehouse.claimSession().claim(new ClaimSessionCommand(MEMBER, approved.id())).token();
    SessionCredentials credentials = new SessionCredentials(MEMBER, WORKSPACE, session);
    gatehouse.addEntry().add(new AddEntryCommand(credentials, EntryRepositoryContract.details(ENTRY.value()),
        Optional.of(EntrySecret.password(ENTRY_PASSWORD))));
    assertThat(((RevealEntryResult.Revealed) gatehouse.revealEntry().reveal(
        new RevealEntryCommand(credentials, ENTRY, ClientContext.UNKNOWN))).entry().secret().reveal())
        .isEqualTo(ENTRY_PASSWORD);
    String sessionToken = session.reveal();
    ports.guards().save(AccessGuard.clear(ports.workspaces().find(WORKSPACE).orElseThrow().id(), MEMBER)
        .afterWrongPasscode(ports.clock().instant()));
    return new Tokens(List.of(apiToken, sessionToken, ENTRY_PASSWORD));
  }

  private static ChallengeView read(Gatehouse gatehouse, ChallengeId id) throws Exception {
    return gatehouse.getChallenge().get(new GetChallengeQuery(MEMBER, id, Duration.ofSeconds(2)))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
