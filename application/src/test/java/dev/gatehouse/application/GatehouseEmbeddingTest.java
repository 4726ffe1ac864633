package dev.gatehouse.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.InMemoryRepositories;
import dev.gatehouse.application.fake.InMemoryStore;
import dev.gatehouse.application.fake.InMemoryUnitOfWork;
import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.challenge.ClaimSessionCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.service.SecureRandomTokenSource;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A host application embeds Gatehouse by handing its ports to {@link Gatehouse#assemble}: no framework. */
class GatehouseEmbeddingTest {
  private static final UserName ADMIN = new UserName("alice");
  private static final UserName MEMBER = new UserName("bob");
  private static final WorkspaceName WORKSPACE = new WorkspaceName("servers");
  private static final DuoDevice PHONE = new DuoDevice(new DeviceId("DPFZRS9FB0D46QFTM891"), "phone",
      "iOS", Set.of(DeviceCapability.PUSH));

  @Test
  void anAssembledGatehouseOpensAWorkspaceAfterDuoApproves() throws Exception {
    InMemoryStore store = new InMemoryStore();
    FakeSecondFactorGateway duo = new FakeSecondFactorGateway().enrolled(MEMBER.value(), PHONE);
    GatehousePorts ports = new GatehousePorts(
        new InMemoryRepositories.Users(store), new InMemoryRepositories.ApiTokens(store),
        new InMemoryRepositories.Workspaces(store), new InMemoryRepositories.Policies(store),
        new InMemoryRepositories.DeviceChoices(store), new InMemoryRepositories.Challenges(store),
        new InMemoryRepositories.Sessions(store), new InMemoryRepositories.Guards(store),
        new InMemoryRepositories.Entries(store), new InMemoryRepositories.Audit(store),
        new InMemoryUnitOfWork(store), duo, new InMemoryRepositories.MasterKeys(store),
        new SecureRandomTokenSource(), MutableClock.startingAt("2026-11-29T09:00:00Z"));

    Gatehouse gatehouse = Gatehouse.assemble(ports);

    gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.ADMINISTRATOR, Optional.empty()));
    gatehouse.addUser().add(new AddUserCommand(ADMIN, MEMBER, Role.MEMBER, Optional.empty()));
    gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, WORKSPACE, WorkspaceDescription.NONE));
    gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER));
    gatehouse.configureDuo().configure(new ConfigureDuoCommand(ADMIN, WORKSPACE, StorageFixtures.duoSettings(),
        Failmode.SECURE, MfaOptions.DEFAULTS));
    ChooseDuoDeviceResult.Verifying verifying = (ChooseDuoDeviceResult.Verifying) gatehouse.chooseDuoDevice()
        .choose(new ChooseDuoDeviceCommand(MEMBER, WORKSPACE, new DeviceSelection(PHONE.id(), DuoMethod.PUSH),
            ClientContext.UNKNOWN));
    duo.approve(duo.lastTransaction());
    read(gatehouse, verifying.challenge().id());

    UnlockResult opened = gatehouse.openWorkspace().open(new OpenWorkspaceCommand(MEMBER, WORKSPACE, ClientContext.UNKNOWN));
    assertThat(opened).isInstanceOf(UnlockResult.Pending.class);
    duo.approve(duo.lastTransaction());
    ChallengeView approved = read(gatehouse, ((UnlockResult.Pending) opened).challenge().id());

    assertThat(approved.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(approved.sessionReady()).isTrue();
    SessionGrant session = gatehouse.claimSession().claim(new ClaimSessionCommand(MEMBER, approved.id()));
    assertThat(session.workspace()).isEqualTo(WORKSPACE);
    assertThat(session.kind()).isEqualTo(GrantKind.DUO_APPROVED);
  }

  private static ChallengeView read(Gatehouse gatehouse, ChallengeId id) throws Exception {
    return gatehouse.getChallenge().get(new GetChallengeQuery(MEMBER, id, Duration.ofSeconds(2)))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
