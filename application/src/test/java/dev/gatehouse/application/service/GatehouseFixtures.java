package dev.gatehouse.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.challenge.CancelChallengeCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ClaimSessionCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gatehouse on the in-memory fakes, set up as the application service tests need it: alice
 * administers, bob and carol are members of workspace {@code servers}, mallory is a user who is
 * not a member; Duo knows bob and carol with one phone.
 */
final class GatehouseFixtures {
  static final UserName ADMIN = new UserName("alice");
  static final UserName MEMBER = new UserName("bob");
  static final UserName OTHER_MEMBER = new UserName("carol");
  static final UserName OUTSIDER = new UserName("mallory");
  static final UserName UNKNOWN = new UserName("nobody");
  static final WorkspaceName WORKSPACE = new WorkspaceName("servers");
  static final WorkspaceName UNKNOWN_WORKSPACE = new WorkspaceName("no-such-workspace");

  static final DuoDevice PHONE = new DuoDevice(new DeviceId("DPFZRS9FB0D46QFTM891"), "phone",
      "iOS (XXX-XXX-0123)", EnumSet.allOf(DeviceCapability.class));
  static final DuoDevice OTHER_PHONE = new DuoDevice(new DeviceId("DPZ4LBR8R3EA11BMF1Q5"), "phone",
      "Android (XXX-XXX-9876)", EnumSet.allOf(DeviceCapability.class));
  static final DuoDevice TOKEN = new DuoDevice(new DeviceId("DHEKH0JJIYC1LX3AZWO4"), "token",
      "Hardware token", Set.of());

  /** Passcodes chosen so that a scan for them cannot match timestamps or ids by accident. */
  static final String RIGHT_PASSCODE = "90817263";
  static final String WRONG_PASSCODE = "55501234";

  static final Duration NO_WAIT = Duration.ZERO;
  /** Long enough for an outcome the fake already holds; never reached when a test scripted one. */
  static final Duration WAIT = Duration.ofSeconds(2);
  static final ClientContext CLIENT = ClientContext.of("192.0.2.10", "workstation-7");

  private GatehouseFixtures() {}

  /** Users and a workspace with members; no Duo settings yet. */
  static InMemoryGatehouse aWorkspaceWithMembers() {
    InMemoryGatehouse env = new InMemoryGatehouse();
    addUser(env, ADMIN, Role.ADMINISTRATOR);
    addUser(env, MEMBER, Role.MEMBER);
    addUser(env, OTHER_MEMBER, Role.MEMBER);
    addUser(env, OUTSIDER, Role.MEMBER);
    env.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, WORKSPACE,
        new WorkspaceDescription("production servers")));
    env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER));
    env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, OTHER_MEMBER));
    return env;
  }

  /** The workspace protected by Duo with the given failmode; bob and carol enrolled with {@link #PHONE}. */
  static InMemoryGatehouse aDuoWorkspace(Failmode failmode) {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    configure(env, failmode, MfaOptions.DEFAULTS);
    env.duo.enrolled(MEMBER.value(), PHONE).enrolled(OTHER_MEMBER.value(), PHONE);
    env.duo.acceptsPasscode(MEMBER.value(), RIGHT_PASSCODE);
    return env;
  }

  static InMemoryGatehouse aDuoWorkspace() {
    return aDuoWorkspace(Failmode.SECURE);
  }

  /** A Duo workspace where bob has verified {@link #PHONE} with the given method. */
  static InMemoryGatehouse aMemberWithActiveDevice(Failmode failmode, DuoMethod method) {
    InMemoryGatehouse env = aDuoWorkspace(failmode);
    activate(env, MEMBER, select(PHONE, method));
    return env;
  }

  static InMemoryGatehouse aMemberWithActivePush(Failmode failmode) {
    return aMemberWithActiveDevice(failmode, DuoMethod.PUSH);
  }

  static InMemoryGatehouse aMemberWithActivePush() {
    return aMemberWithActivePush(Failmode.SECURE);
  }

  static void addUser(InMemoryGatehouse env, UserName name, Role role) {
    env.gatehouse.addUser().add(new AddUserCommand(ADMIN, name, role, Optional.empty()));
  }

  static ConfigureDuoResult configure(InMemoryGatehouse env, Failmode failmode, MfaOptions options) {
    return env.gatehouse.configureDuo().configure(new ConfigureDuoCommand(ADMIN, WORKSPACE,
        StorageFixtures.duoSettings(), failmode, options));
  }

  static DeviceSelection select(DuoDevice device, DuoMethod method) {
    return new DeviceSelection(device.id(), method);
  }

  static ChooseDuoDeviceResult choose(InMemoryGatehouse env, UserName user, DeviceSelection selection) {
    return env.gatehouse.chooseDuoDevice().choose(
        new ChooseDuoDeviceCommand(user, WORKSPACE, selection, CLIENT));
  }

  static ChallengeView verifying(ChooseDuoDeviceResult result) {
    assertThat(result).isInstanceOf(ChooseDuoDeviceResult.Verifying.class);
    return ((ChooseDuoDeviceResult.Verifying) result).challenge();
  }

  /** Chooses the selection and completes its verifying challenge (approved push, or the right passcode). */
  static void activate(InMemoryGatehouse env, UserName user, DeviceSelection selection) {
    ChallengeView challenge = verifying(choose(env, user, selection));
    ChallengeView done = selection.method().isOutOfBand()
        ? approveAndRead(env, user, challenge.id())
        : submit(env, user, challenge.id(), RIGHT_PASSCODE);
    assertThat(done.state()).isEqualTo(ChallengeState.APPROVED);
  }

  static UnlockResult open(InMemoryGatehouse env, UserName user) {
    return env.gatehouse.openWorkspace().open(new OpenWorkspaceCommand(user, WORKSPACE, CLIENT));
  }

  static ChallengeView pending(UnlockResult result) {
    assertThat(result).isInstanceOf(UnlockResult.Pending.class);
    return ((UnlockResult.Pending) result).challenge();
  }

  static SessionGrant granted(UnlockResult result) {
    assertThat(result).isInstanceOf(UnlockResult.Granted.class);
    return ((UnlockResult.Granted) result).session();
  }

  static Denial denied(UnlockResult result) {
    assertThat(result).isInstanceOf(UnlockResult.Denied.class);
    return ((UnlockResult.Denied) result).denial();
  }

  static Denial denied(ChooseDuoDeviceResult result) {
    assertThat(result).isInstanceOf(ChooseDuoDeviceResult.Denied.class);
    return ((ChooseDuoDeviceResult.Denied) result).denial();
  }

  /** Reads the challenge, letting Gatehouse wait on Duo for at most {@code wait}. */
  static ChallengeView read(InMemoryGatehouse env, UserName user, ChallengeId id, Duration wait) {
    try {
      return env.gatehouse.getChallenge().get(new GetChallengeQuery(user, id, wait))
          .toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e);
    } catch (TimeoutException e) {
      throw new AssertionError("the challenge read did not complete", e);
    }
  }

  /** Approves the latest push or call at Duo, then reads the challenge. */
  /** Claims the session of an approved unlock, as its owner. */
  static SessionGrant claim(InMemoryGatehouse env, UserName user, ChallengeView approved) {
    assertThat(approved.sessionReady()).as("the approved unlock's session is ready to claim").isTrue();
    return env.gatehouse.claimSession().claim(new ClaimSessionCommand(user, approved.id()));
  }

  static ChallengeView approveAndRead(InMemoryGatehouse env, UserName user, ChallengeId id) {
    env.duo.approve(env.duo.lastTransaction());
    return read(env, user, id, WAIT);
  }

  static ChallengeView submit(InMemoryGatehouse env, UserName user, ChallengeId id, String passcode) {
    return env.gatehouse.submitPasscode().submit(
        new SubmitPasscodeCommand(user, id, new Passcode(passcode), CLIENT));
  }

  static ChallengeView cancel(InMemoryGatehouse env, UserName user, ChallengeId id) {
    return env.gatehouse.cancelChallenge().cancel(new CancelChallengeCommand(user, id));
  }

  /**
   * Gives the user their own fresh Duo approval for the Duo workspace, as a step-up needs: makes
   * them a member with {@link #PHONE} verified for push if they are not yet, then opens the workspace
   * with an approved push and claims the session.
   */
  static SessionGrant freshApproval(InMemoryGatehouse env, UserName user) {
    if (env.ports.workspaces().roleOf(workspaceId(env), user).isEmpty()) {
      env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, user));
    }
    if (env.ports.deviceChoices().find(workspaceId(env), user).flatMap(DeviceChoice::active).isEmpty()) {
      env.duo.enrolled(user.value(), PHONE);
      activate(env, user, select(PHONE, DuoMethod.PUSH));
    }
    ChallengeView challenge = pending(open(env, user));
    return claim(env, user, approveAndRead(env, user, challenge.id()));
  }

  static WorkspaceId workspaceId(InMemoryGatehouse env) {
    return env.ports.workspaces().find(WORKSPACE).orElseThrow().id();
  }

  /** The whole audit trail, newest first, as the administrator reads it. */
  static List<AuditEvent> audit(InMemoryGatehouse env) {
    return env.gatehouse.listAuditEvents().list(
        new ListAuditEventsQuery(ADMIN, Optional.empty(), Optional.empty(), 1000));
  }

  static List<AuditEvent> audit(InMemoryGatehouse env, AuditEventType type) {
    return audit(env).stream().filter(e -> e.type() == type).toList();
  }
}
