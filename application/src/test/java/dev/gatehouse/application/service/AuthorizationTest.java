package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.CLIENT;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.NO_WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OUTSIDER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.RIGHT_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.UNKNOWN;
import static dev.gatehouse.application.service.GatehouseFixtures.UNKNOWN_WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActiveDevice;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesQuery;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may do what: administrators administer, members open their workspaces and own their challenges. */
class AuthorizationTest {

  @Test
  void aMemberCannotCreateWorkspaces() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(MEMBER,
        new WorkspaceName("desktops"), WorkspaceDescription.NONE)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(env.ports.workspaces().find(new WorkspaceName("desktops"))).isEmpty();
  }

  @Test
  void aMemberCannotAddMembers() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.addMember().add(new AddMemberCommand(MEMBER, WORKSPACE, OUTSIDER)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(env.ports.workspaces().roleOf(env.ports.workspaces().find(WORKSPACE).orElseThrow().id(), OUTSIDER)).isEmpty();
  }

  @Test
  void aMemberCannotAddUsers() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.addUser().add(new AddUserCommand(MEMBER,
        new UserName("eve"), Role.ADMINISTRATOR, Optional.empty())))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aMemberCannotConfigureDuo() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.configureDuo().configure(new ConfigureDuoCommand(MEMBER, WORKSPACE,
        StorageFixtures.duoSettings(), Failmode.SAFE, MfaOptions.DEFAULTS)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(env.duo.count(Operation.CHECK)).isEqualTo(1);
  }

  @Test
  void aMemberCannotCheckDuoSettings() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.checkDuoSettings()
        .check(new CheckDuoSettingsCommand(MEMBER, StorageFixtures.duoSettings())))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(env.duo.count(Operation.CHECK)).isEqualTo(1);
  }

  @Test
  void aMemberCannotReadTheAuditTrail() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.listAuditEvents().list(
        new ListAuditEventsQuery(MEMBER, Optional.empty(), Optional.of(MEMBER), 10)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aMemberCannotClearSuspensions() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.clearSuspension()
        .clear(new ClearSuspensionCommand(OTHER_MEMBER, WORKSPACE, MEMBER)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aNonMemberCannotOpenTheWorkspace() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> open(env, OUTSIDER)).isInstanceOf(AccessDeniedException.class);
    assertThat(env.duo.count(Operation.PREAUTH)).isZero();
  }

  @Test
  void anAdministratorWhoIsNotAMemberCannotOpenTheWorkspace() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> open(env, ADMIN)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aNonMemberCannotListDevices() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.listDuoDevices().list(new ListDuoDevicesQuery(OUTSIDER, WORKSPACE, CLIENT)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(env.duo.count(Operation.PREAUTH)).isZero();
  }

  @Test
  void aNonMemberCannotChooseADevice() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> choose(env, OUTSIDER, select(PHONE, DuoMethod.PUSH)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }

  @Test
  void someoneElseCannotReadAChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    assertThatThrownBy(() -> read(env, OTHER_MEMBER, challenge.id(), NO_WAIT))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void someoneElseCannotTakeTheSessionOfAnApprovedChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    env.duo.approve(env.duo.lastTransaction());

    assertThatThrownBy(() -> read(env, ADMIN, challenge.id(), GatehouseFixtures.WAIT))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(read(env, MEMBER, challenge.id(), GatehouseFixtures.WAIT).sessionReady()).isTrue();
  }

  @Test
  void someoneElseCannotSubmitAPasscode() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));
    long verifications = env.duo.count(Operation.VERIFY_PASSCODE);

    assertThatThrownBy(() -> GatehouseFixtures.submit(env, OTHER_MEMBER, challenge.id(), RIGHT_PASSCODE))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(env.duo.count(Operation.VERIFY_PASSCODE)).isEqualTo(verifications);
  }

  @Test
  void someoneElseCannotCancelAChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    assertThatThrownBy(() -> GatehouseFixtures.cancel(env, OTHER_MEMBER, challenge.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(read(env, MEMBER, challenge.id(), NO_WAIT).state()).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void anUnknownActorCannotOpen() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> open(env, UNKNOWN)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void anUnknownActorCannotAdminister() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(UNKNOWN,
        new WorkspaceName("desktops"), WorkspaceDescription.NONE)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void anUnknownActorCannotReadAChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    assertThatThrownBy(() -> read(env, UNKNOWN, challenge.id(), NO_WAIT)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void openingAnUnknownWorkspaceIsNotFound() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.openWorkspace().open(new OpenWorkspaceCommand(MEMBER, UNKNOWN_WORKSPACE, CLIENT)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void configuringAnUnknownWorkspaceIsNotFound() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.configureDuo().configure(new ConfigureDuoCommand(ADMIN, UNKNOWN_WORKSPACE,
        StorageFixtures.duoSettings(), Failmode.SECURE, MfaOptions.DEFAULTS)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void addingAMemberToAnUnknownWorkspaceIsNotFound() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, UNKNOWN_WORKSPACE, MEMBER)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void readingTheAuditOfAnUnknownWorkspaceIsNotFound() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.listAuditEvents().list(
        new ListAuditEventsQuery(ADMIN, Optional.of(UNKNOWN_WORKSPACE), Optional.empty(), 10)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void readingAnUnknownChallengeIsNotFound() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> read(env, MEMBER, StorageFixtures.aChallengeId(), NO_WAIT))
        .isInstanceOf(NotFoundException.class);
  }
}
