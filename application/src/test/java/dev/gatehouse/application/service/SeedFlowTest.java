package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.CLIENT;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.NO_WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.claim;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static dev.gatehouse.application.service.GatehouseFixtures.verifying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesQuery;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.session.ListSessionsQuery;
import dev.gatehouse.application.port.in.session.RevokeSessionCommand;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed document's flow, step by step, on the in-memory fakes. */
class SeedFlowTest {

  @Test
  void runsTheSeedFlowFromFirstUserToRepeatedDuoApprovedOpens() {
    InMemoryGatehouse env = new InMemoryGatehouse();
    var gatehouse = env.gatehouse;

    User alice = gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.MEMBER, Optional.empty()));
    assertThat(alice.role()).isEqualTo(Role.ADMINISTRATOR);
    gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, WORKSPACE, WorkspaceDescription.NONE));
    gatehouse.addUser().add(new AddUserCommand(ADMIN, MEMBER, Role.MEMBER, Optional.empty()));
    gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER));

    ConfigureDuoResult configured = gatehouse.configureDuo().configure(new ConfigureDuoCommand(ADMIN, WORKSPACE,
        StorageFixtures.duoSettings(), Failmode.SECURE, MfaOptions.DEFAULTS));
    assertThat(configured).isInstanceOf(ConfigureDuoResult.Configured.class);
    assertThat(env.duo.count(Operation.CHECK)).isEqualTo(1);

    env.duo.enrolled(MEMBER.value(), PHONE);
    DeviceListResult.Devices devices = (DeviceListResult.Devices) gatehouse.listDuoDevices()
        .list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT));
    assertThat(devices.suggested()).contains(PHONE.id());

    DeviceSelection push = select(PHONE, DuoMethod.PUSH);
    ChallengeView verification = verifying(choose(env, MEMBER, push));
    assertThat(verification.purpose()).isEqualTo(ChallengePurpose.VERIFY_DEVICE);
    DeviceListResult.Devices beforeApproval = (DeviceListResult.Devices) gatehouse.listDuoDevices()
        .list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT));
    assertThat(beforeApproval.pending()).contains(push);
    assertThat(beforeApproval.active()).isEmpty();

    assertThat(approveAndRead(env, MEMBER, verification.id()).state()).isEqualTo(ChallengeState.APPROVED);
    DeviceListResult.Devices afterApproval = (DeviceListResult.Devices) gatehouse.listDuoDevices()
        .list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT));
    assertThat(afterApproval.active()).contains(push);
    assertThat(afterApproval.pending()).isEmpty();

    Set<String> tokens = new HashSet<>();
    for (int round = 1; round <= 3; round++) {
      long preauthsBefore = env.duo.count(Operation.PREAUTH);
      ChallengeView challenge = pending(open(env, MEMBER));
      assertThat(env.duo.count(Operation.PREAUTH)).isEqualTo(preauthsBefore + 1);
      assertThat(challenge.state()).isEqualTo(ChallengeState.PENDING);

      ChallengeView approved = approveAndRead(env, MEMBER, challenge.id());
      assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
      SessionGrant session = claim(env, MEMBER, approved);
      assertThat(session.kind()).isEqualTo(GrantKind.DUO_APPROVED);
      assertThat(tokens.add(session.token().reveal())).isTrue();
      assertThat(read(env, MEMBER, challenge.id(), NO_WAIT).sessionReady()).isFalse();
    }
  }

  @Test
  void firstUserBecomesAdministratorWhateverRoleIsAsked() {
    InMemoryGatehouse env = new InMemoryGatehouse();

    User first = env.gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.MEMBER, Optional.empty()));

    assertThat(first.role()).isEqualTo(Role.ADMINISTRATOR);
  }

  @Test
  void laterUsersGetTheRoleTheAdministratorAsks() {
    InMemoryGatehouse env = new InMemoryGatehouse();
    env.gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.MEMBER, Optional.empty()));

    User second = env.gatehouse.addUser().add(new AddUserCommand(ADMIN, MEMBER, Role.MEMBER, Optional.empty()));

    assertThat(second.role()).isEqualTo(Role.MEMBER);
  }

  @Test
  void suggestsTheOnlyDevice() {
    InMemoryGatehouse env = aDuoWorkspace();

    DeviceListResult result = env.gatehouse.listDuoDevices().list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT));

    assertThat(result).isInstanceOfSatisfying(DeviceListResult.Devices.class, d -> {
      assertThat(d.devices()).containsExactly(PHONE);
      assertThat(d.suggested()).contains(PHONE.id());
    });
  }

  @Test
  void suggestsNothingWhenThereAreSeveralDevices() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.enrolled(MEMBER.value(), PHONE, OTHER_PHONE);

    DeviceListResult result = env.gatehouse.listDuoDevices().list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT));

    assertThat(result).isInstanceOfSatisfying(DeviceListResult.Devices.class, d -> {
      assertThat(d.devices()).containsExactly(PHONE, OTHER_PHONE);
      assertThat(d.suggested()).isEmpty();
    });
  }

  @Test
  void choosingADeviceSendsAVerifyingPushNamingTheWorkspace() {
    InMemoryGatehouse env = aDuoWorkspace();

    ChallengeView challenge = verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(challenge.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(1);
    assertThat(env.duo.lastPushContext().workspace()).isEqualTo(WORKSPACE);
    assertThat(env.duo.lastPushContext().action()).isEqualTo("Verify device");
  }

  @Test
  void aPendingChoiceDoesNotOpenTheWorkspace() {
    InMemoryGatehouse env = aDuoWorkspace();
    verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.NO_ACTIVE_DEVICE);
  }

  @Test
  void approvingTheVerifyingChallengeIssuesNoSession() {
    InMemoryGatehouse env = aDuoWorkspace();
    ChallengeView challenge = verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    ChallengeView approved = approveAndRead(env, MEMBER, challenge.id());

    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(approved.sessionReady()).isFalse();
  }

  @Test
  void aDeniedVerifyingChallengeLeavesTheChoicePending() {
    InMemoryGatehouse env = aDuoWorkspace();
    DeviceSelection push = select(PHONE, DuoMethod.PUSH);
    ChallengeView challenge = verifying(choose(env, MEMBER, push));

    env.duo.deny(env.duo.lastTransaction());
    read(env, MEMBER, challenge.id(), GatehouseFixtures.WAIT);

    DeviceListResult.Devices devices = (DeviceListResult.Devices) env.gatehouse.listDuoDevices()
        .list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT));
    assertThat(devices.active()).isEmpty();
    assertThat(devices.pending()).contains(push);
  }

  @Test
  void everyOpenAsksDuoAgain() {
    InMemoryGatehouse env = aMemberWithActivePush();
    long before = env.duo.count(Operation.PREAUTH);

    approveAndRead(env, MEMBER, pending(open(env, MEMBER)).id());
    approveAndRead(env, MEMBER, pending(open(env, MEMBER)).id());

    assertThat(env.duo.count(Operation.PREAUTH)).isEqualTo(before + 2);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(3);
  }

  @Test
  void theUnlockPushNamesTheWorkspaceAndTheMember() {
    InMemoryGatehouse env = aMemberWithActivePush();

    pending(open(env, MEMBER));

    assertThat(env.duo.lastPushContext().action()).isEqualTo("Unlock workspace");
    assertThat(env.duo.lastPushContext().workspace()).isEqualTo(WORKSPACE);
    assertThat(env.duo.lastPushContext().displayUsername()).isEqualTo(MEMBER);
  }

  @Test
  void returnsTheSessionOnlyOnTheFirstReadOfTheApprovedChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView first = approveAndRead(env, MEMBER, challenge.id());
    ChallengeView second = read(env, MEMBER, challenge.id(), NO_WAIT);

    assertThat(second.sessionReady()).as("reading never claims").isTrue();
    assertThat(first.sessionReady()).isTrue();
    claim(env, MEMBER, first);
    second = read(env, MEMBER, challenge.id(), NO_WAIT);
    assertThat(second.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(second.sessionReady()).isFalse();
  }

  @Test
  void theSessionLastsTheConfiguredLifetimeAndIsStoredOnlyAsAHash() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    SessionGrant session = claim(env, MEMBER, approveAndRead(env, MEMBER, challenge.id()));

    assertThat(session.expiresAt()).isEqualTo(env.clock.instant().plus(MfaOptions.DEFAULTS.sessionLifetime()));
    assertThat(env.ports.sessions().find(env.ports.tokens().hash(session.token()))).isPresent();
  }

  @Test
  void aRememberWindowOpensWithoutDuoAfterARecentApproval() {
    InMemoryGatehouse env = aMemberWithActivePush();
    GatehouseFixtures.configure(env, Failmode.SECURE, new MfaOptions(Duration.ofHours(8),
        Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofHours(1)));
    claim(env, MEMBER, approveAndRead(env, MEMBER, pending(open(env, MEMBER)).id()));
    long preauths = env.duo.count(Operation.PREAUTH);
    env.clock.advance(Duration.ofMinutes(30));

    SessionGrant session = GatehouseFixtures.granted(open(env, MEMBER));

    assertThat(session.kind()).isEqualTo(GrantKind.REMEMBERED);
    assertThat(env.duo.count(Operation.PREAUTH)).isEqualTo(preauths);
  }

  @Test
  void aRevokedApprovalNeverCountsForTheRememberWindow() {
    InMemoryGatehouse env = aMemberWithActivePush();
    GatehouseFixtures.configure(env, Failmode.SECURE, new MfaOptions(Duration.ofHours(8),
        Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofHours(1)));
    claim(env, MEMBER, approveAndRead(env, MEMBER, pending(open(env, MEMBER)).id()));
    SessionId approved = env.gatehouse.listSessions().list(new ListSessionsQuery(ADMIN, WORKSPACE)).get(0).id();
    env.gatehouse.revokeSession().revoke(new RevokeSessionCommand(ADMIN, WORKSPACE, approved));
    env.clock.advance(Duration.ofMinutes(1));

    pending(open(env, MEMBER));
  }
}
