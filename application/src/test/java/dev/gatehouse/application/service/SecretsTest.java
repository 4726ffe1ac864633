package dev.gatehouse.application.service;

import static dev.gatehouse.application.fake.FakeSecondFactorGateway.rejected;
import static dev.gatehouse.application.fake.FakeSecondFactorGateway.unavailable;
import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.CLIENT;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.OUTSIDER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.RIGHT_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.UNKNOWN;
import static dev.gatehouse.application.service.GatehouseFixtures.WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.WRONG_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.CancelChallengeCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesQuery;
import dev.gatehouse.application.port.in.ListWorkspacesQuery;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.UserName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Neither the Duo secret key nor a passcode ever comes back out: not in a result, not in an
 * exception message, not in an audit event, across a run of every flow.
 */
class SecretsTest {
  private final List<String> seen = new ArrayList<>();
  private InMemoryGatehouse env;

  @BeforeEach
  void runEveryFlow() {
    env = GatehouseFixtures.aWorkspaceWithMembers();
    var g = env.gatehouse;
    var settings = StorageFixtures.duoSettings();
    env.duo.enrolled(MEMBER.value(), PHONE).enrolled(OTHER_MEMBER.value(), PHONE)
        .acceptsPasscode(MEMBER.value(), RIGHT_PASSCODE).acceptsPasscode(OTHER_MEMBER.value(), RIGHT_PASSCODE);

    // Check and configure, passing and failing in every way.
    seen(() -> g.checkDuoSettings().check(new CheckDuoSettingsCommand(ADMIN, settings)));
    for (Reason reason : Reason.values()) {
      env.duo.failNext(Operation.CHECK, rejected(reason));
      seen(() -> g.checkDuoSettings().check(new CheckDuoSettingsCommand(ADMIN, settings)));
      env.duo.failNext(Operation.CHECK, rejected(reason));
      seen(() -> g.configureDuo().configure(new ConfigureDuoCommand(ADMIN, WORKSPACE, settings,
          Failmode.SAFE, MfaOptions.DEFAULTS)));
    }
    env.duo.failNext(Operation.CHECK, unavailable(Kind.UNPARSEABLE));
    seen(() -> g.configureDuo().configure(new ConfigureDuoCommand(ADMIN, WORKSPACE, settings,
        Failmode.SAFE, MfaOptions.DEFAULTS)));
    seen(() -> g.checkDuoSettings().check(new CheckDuoSettingsCommand(MEMBER, settings)));
    seen(() -> g.configureDuo().configure(new ConfigureDuoCommand(ADMIN, WORKSPACE, settings,
        Failmode.SAFE, MfaOptions.DEFAULTS)));
    seen(() -> g.getWorkspace().get(new GetWorkspaceQuery(ADMIN, WORKSPACE)));
    seen(() -> g.listWorkspaces().list(new ListWorkspacesQuery(MEMBER)));

    // Devices: listing, choosing by push and passcode.
    seen(() -> g.listDuoDevices().list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT)));
    ChallengeId verify = challengeOf(seen(() -> choose(MEMBER, select(PHONE, DuoMethod.PUSH))));
    env.duo.approve(env.duo.lastTransaction());
    seen(() -> read(MEMBER, verify));
    ChallengeId verifyPasscode = challengeOf(seen(() -> choose(OTHER_MEMBER, select(PHONE, DuoMethod.PASSCODE))));
    seen(() -> submit(OTHER_MEMBER, verifyPasscode, WRONG_PASSCODE));
    seen(() -> submit(OTHER_MEMBER, verifyPasscode, RIGHT_PASSCODE));

    // Push outcomes.
    ChallengeId approved = challengeOf(seen(() -> open(MEMBER)));
    env.duo.approve(env.duo.lastTransaction());
    seen(() -> read(MEMBER, approved));
    seen(() -> read(MEMBER, approved));
    ChallengeId deniedPush = challengeOf(seen(() -> open(MEMBER)));
    env.duo.deny(env.duo.lastTransaction());
    seen(() -> read(MEMBER, deniedPush));
    seen(() -> open(MEMBER));
    env.clock.advance(MfaOptions.DEFAULTS.pushCooldown());
    ChallengeId timedOut = challengeOf(seen(() -> open(MEMBER)));
    env.duo.timeOut(env.duo.lastTransaction());
    seen(() -> read(MEMBER, timedOut));
    ChallengeId cancelled = challengeOf(seen(() -> open(MEMBER)));
    seen(() -> g.cancelChallenge().cancel(new CancelChallengeCommand(OTHER_MEMBER, cancelled)));
    seen(() -> g.cancelChallenge().cancel(new CancelChallengeCommand(MEMBER, cancelled)));
    seen(() -> g.cancelChallenge().cancel(new CancelChallengeCommand(MEMBER, cancelled)));
    seen(() -> open(MEMBER));
    env.clock.advance(MfaOptions.DEFAULTS.pushCooldown());
    ChallengeId expired = challengeOf(seen(() -> open(MEMBER)));
    env.clock.advance(MfaOptions.DEFAULTS.challengeLifetime());
    seen(() -> read(MEMBER, expired));

    // Failmode and refusals.
    for (Kind kind : Kind.values()) {
      env.duo.failNext(Operation.PREAUTH, unavailable(kind));
      seen(() -> open(MEMBER));
      env.duo.failNext(Operation.START_AUTH, unavailable(kind));
      seen(() -> open(MEMBER));
    }
    for (Reason reason : Reason.values()) {
      env.duo.failNext(Operation.PREAUTH, rejected(reason));
      seen(() -> open(MEMBER));
      env.duo.failNext(Operation.PREAUTH, rejected(reason));
      seen(() -> g.listDuoDevices().list(new ListDuoDevicesQuery(MEMBER, WORKSPACE, CLIENT)));
    }
    // A Duo rejection while following fails the challenge (a transient failure would be retried).
    env.duo.failNext(Operation.AWAIT_STATUS, rejected(Reason.REQUEST_REJECTED));
    ChallengeId pollFailure = challengeOf(seen(() -> open(MEMBER)));
    seen(() -> read(MEMBER, pollFailure));
    env.duo.bypass(MEMBER.value());
    seen(() -> open(MEMBER));
    env.duo.lockedOut(MEMBER.value());
    seen(() -> open(MEMBER));
    env.duo.notEnrolled(MEMBER.value());
    seen(() -> open(MEMBER));
    env.duo.enrolled(MEMBER.value(), OTHER_PHONE);
    seen(() -> open(MEMBER));
    env.duo.enrolled(MEMBER.value(), PHONE);

    // Passcodes up to a lockout, with the secret key typed as a passcode too.
    for (int i = 0; i < 11; i++) {
      ChallengeId passcode = challengeOf(seen(() -> open(OTHER_MEMBER)));
      if (passcode != null) {
        seen(() -> submit(OTHER_MEMBER, passcode, WRONG_PASSCODE));
        seen(() -> submit(OTHER_MEMBER, passcode, StorageFixtures.SECRET_KEY));
        seen(() -> submit(MEMBER, passcode, RIGHT_PASSCODE));
      }
    }

    // Fraud and suspension.
    ChallengeId fraud = challengeOf(seen(() -> open(MEMBER)));
    env.duo.reportFraud(env.duo.lastTransaction());
    seen(() -> read(MEMBER, fraud));
    seen(() -> open(MEMBER));
    seen(() -> g.clearSuspension().clear(new ClearSuspensionCommand(MEMBER, WORKSPACE, MEMBER)));
    seen(() -> g.clearSuspension().clear(new ClearSuspensionCommand(ADMIN, WORKSPACE, MEMBER)));
    GatehouseFixtures.freshApproval(env, ADMIN);
    seen(() -> g.clearSuspension().clear(new ClearSuspensionCommand(ADMIN, WORKSPACE, MEMBER)));

    // Refusals of every kind of actor.
    seen(() -> open(OUTSIDER));
    seen(() -> open(UNKNOWN));
    seen(() -> g.listAuditEvents().list(new ListAuditEventsQuery(MEMBER, Optional.empty(), Optional.empty(), 10)));
  }

  @Test
  void noResultOrExceptionMessageCarriesTheSecretKey() {
    assertThat(seen).hasSizeGreaterThan(50).noneMatch(text -> text.contains(StorageFixtures.SECRET_KEY));
  }

  @Test
  void noResultOrExceptionMessageCarriesAPasscode() {
    assertThat(seen).noneMatch(text -> text.contains(RIGHT_PASSCODE) || text.contains(WRONG_PASSCODE));
  }

  @Test
  void noAuditEventCarriesTheSecretKey() {
    assertThat(allAuditText()).hasSizeGreaterThan(50).noneMatch(text -> text.contains(StorageFixtures.SECRET_KEY));
  }

  @Test
  void noAuditEventCarriesAPasscode() {
    assertThat(allAuditText()).noneMatch(text -> text.contains(RIGHT_PASSCODE) || text.contains(WRONG_PASSCODE));
  }

  @Test
  void theRunCoveredGrantsDenialsFailuresAndLockouts() {
    assertThat(auditEvents()).extracting(AuditEvent::type).contains(
        AuditEventType.MFA_CONFIGURED,
        AuditEventType.MFA_CONFIGURATION_REJECTED,
        AuditEventType.DEVICE_ACTIVATED,
        AuditEventType.FAILSAFE_GRANTED,
        AuditEventType.DUO_BYPASS,
        AuditEventType.DUO_PROBLEM,
        AuditEventType.PASSCODE_LOCKOUT,
        AuditEventType.SUSPENDED,
        AuditEventType.SUSPENSION_CLEARED,
        AuditEventType.CHALLENGE_EXPIRED,
        AuditEventType.CHALLENGE_FAILED);
  }

  private List<AuditEvent> auditEvents() {
    return env.gatehouse.listAuditEvents().list(
        new ListAuditEventsQuery(ADMIN, Optional.empty(), Optional.empty(), 1000));
  }

  private List<String> allAuditText() {
    List<String> texts = new ArrayList<>();
    for (AuditEvent e : auditEvents()) {
      texts.add(e.type().name());
      texts.add(e.outcome());
      texts.add(e.detail());
      texts.add(e.toString());
    }
    return texts;
  }

  /** Runs a use case and keeps what came out of it: the result's text, or the exception's message. */
  private <T> T seen(Supplier<T> useCase) {
    try {
      T result = useCase.get();
      seen.add(String.valueOf(result));
      return result;
    } catch (RuntimeException e) {
      seen.add(e.getClass().getName() + ": " + e.getMessage());
      seen.add(String.valueOf(e));
      return null;
    }
  }

  private void seen(Runnable useCase) {
    seen(() -> {
      useCase.run();
      return "done";
    });
  }

  private static ChallengeId challengeOf(Object result) {
    if (result instanceof UnlockResult.Pending p) {
      return p.challenge().id();
    }
    if (result instanceof ChooseDuoDeviceResult.Verifying v) {
      return v.challenge().id();
    }
    return null;
  }

  private ChooseDuoDeviceResult choose(UserName user, DeviceSelection selection) {
    return env.gatehouse.chooseDuoDevice().choose(new ChooseDuoDeviceCommand(user, WORKSPACE, selection, CLIENT));
  }

  private UnlockResult open(UserName user) {
    return env.gatehouse.openWorkspace().open(new OpenWorkspaceCommand(user, WORKSPACE, CLIENT));
  }

  private ChallengeView read(UserName user, ChallengeId id) {
    try {
      return env.gatehouse.getChallenge().get(new GetChallengeQuery(user, id, WAIT))
          .toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private ChallengeView submit(UserName user, ChallengeId id, String passcode) {
    return env.gatehouse.submitPasscode().submit(new SubmitPasscodeCommand(user, id, new Passcode(passcode), CLIENT));
  }
}
