package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.configure;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.freshApproval;
import static dev.gatehouse.application.service.GatehouseFixtures.granted;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.workspaceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.application.port.in.IssuedApiToken;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.StepUpAction;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.session.RevokeSessionCommand;
import dev.gatehouse.application.service.common.FreshApproval;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 18: security-relevant administration of a Duo workspace, and minting an API token as a
 * user, need the actor's own Duo approval from the last five minutes; refusals are audited.
 */
class AdministrationStepUpTest {
  private static final Duration TOO_OLD = FreshApproval.MAX_AGE.plusMinutes(1);

  private static void disableMfa(InMemoryGatehouse env) {
    env.gatehouse.disableMfa().disable(new DisableMfaCommand(ADMIN, WORKSPACE));
  }

  private static ConfigureDuoResult configureWith(InMemoryGatehouse env, DuoSettings settings, Failmode failmode) {
    return env.gatehouse.configureDuo().configure(new ConfigureDuoCommand(ADMIN, WORKSPACE, settings, failmode,
        MfaOptions.DEFAULTS));
  }

  private static MfaPolicy policy(InMemoryGatehouse env) {
    return env.ports.policies().find(workspaceId(env));
  }

  private static Failmode failmode(InMemoryGatehouse env) {
    return ((MfaPolicy.Duo) policy(env)).failmode();
  }

  /** bob reports a push as fraud: suspended in the workspace. */
  private static InMemoryGatehouse aSuspendedMember() {
    InMemoryGatehouse env = aMemberWithActivePush();
    var challenge = pending(open(env, MEMBER));
    env.duo.reportFraud(env.duo.lastTransaction());
    read(env, MEMBER, challenge.id(), WAIT);
    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.SUSPENDED);
    return env;
  }

  private static void clearSuspension(InMemoryGatehouse env) {
    env.gatehouse.clearSuspension().clear(new ClearSuspensionCommand(ADMIN, WORKSPACE, MEMBER));
  }

  private static IssuedApiToken issueOwn(InMemoryGatehouse env) {
    return env.gatehouse.issueApiToken().issue(new IssueApiTokenCommand(MEMBER, MEMBER));
  }

  /** Refused with the facts for the faces to word: the action, the workspace and the approval's age; audited. */
  private static void assertStepUpRequired(InMemoryGatehouse env, Executable action, StepUpAction named) {
    int refusals = stepUpRefusals(env).size();
    assertThatThrownBy(action::execute).isInstanceOf(AccessDeniedException.class)
        .isInstanceOfSatisfying(StepUpRequiredException.class, e -> {
          assertThat(e.action()).isEqualTo(named);
          assertThat(e.workspace()).contains(WORKSPACE);
          assertThat(e.maxAge()).isEqualTo(Duration.ofMinutes(5));
        });
    assertThat(stepUpRefusals(env)).hasSize(refusals + 1).first().satisfies(e -> {
      assertThat(e.actor()).contains(ADMIN);
      assertThat(e.workspace()).contains(WORKSPACE);
      assertThat(e.detail()).contains(named.wireName()).contains("in workspace " + WORKSPACE);
    });
  }

  private static List<AuditEvent> stepUpRefusals(InMemoryGatehouse env) {
    return audit(env, AuditEventType.ACCESS_DENIED).stream()
        .filter(e -> e.outcome().equals("step_up_required")).toList();
  }

  @Test
  void removingMfaFromADuoWorkspaceIsRefusedWithoutAFreshApproval() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertStepUpRequired(env, () -> disableMfa(env), StepUpAction.REMOVE_MFA);

    assertThat(policy(env)).isInstanceOf(MfaPolicy.Duo.class);
    assertThat(audit(env, AuditEventType.MFA_DISABLED)).isEmpty();
  }

  @Test
  void removingMfaIsAllowedWithTheAdministratorsFreshApproval() {
    InMemoryGatehouse env = aDuoWorkspace();
    SessionGrant approval = freshApproval(env, ADMIN);
    assertThat(approval.kind()).isEqualTo(GrantKind.DUO_APPROVED);
    env.clock.advance(FreshApproval.MAX_AGE.minusSeconds(1));

    disableMfa(env);

    assertThat(policy(env)).isInstanceOf(MfaPolicy.None.class);
    assertThat(audit(env, AuditEventType.MFA_DISABLED)).singleElement()
        .satisfies(e -> assertThat(e.actor()).contains(ADMIN));
  }

  @Test
  void anApprovalOlderThanFiveMinutesDoesNotCount() {
    InMemoryGatehouse env = aDuoWorkspace();
    freshApproval(env, ADMIN);
    env.clock.advance(TOO_OLD);

    assertStepUpRequired(env, () -> disableMfa(env), StepUpAction.REMOVE_MFA);
    assertThat(policy(env)).isInstanceOf(MfaPolicy.Duo.class);
  }

  @Test
  void aRevokedApprovalDoesNotCount() {
    InMemoryGatehouse env = aDuoWorkspace();
    SessionGrant approval = freshApproval(env, ADMIN);
    env.gatehouse.revokeSession().revoke(new RevokeSessionCommand(ADMIN, WORKSPACE, approval.id()));

    assertStepUpRequired(env, () -> disableMfa(env), StepUpAction.REMOVE_MFA);
    assertThat(policy(env)).isInstanceOf(MfaPolicy.Duo.class);
  }

  @Test
  void anApprovalForAnotherWorkspaceDoesNotCount() {
    InMemoryGatehouse env = aDuoWorkspace();
    WorkspaceName other = new WorkspaceName("databases");
    env.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, other, new WorkspaceDescription("db")));
    env.gatehouse.configureDuo().configure(new ConfigureDuoCommand(ADMIN, other, StorageFixtures.duoSettings(),
        Failmode.SECURE, MfaOptions.DEFAULTS));
    freshApproval(env, ADMIN);

    assertThatThrownBy(() -> env.gatehouse.disableMfa().disable(new DisableMfaCommand(ADMIN, other)))
        .isInstanceOfSatisfying(StepUpRequiredException.class,
            e -> assertThat(e.workspace()).contains(new WorkspaceName("databases")));
  }

  @Test
  void aSessionDuoLetInWithoutAnApprovalIsNoApproval() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, ADMIN));
    env.duo.bypass(ADMIN.value());
    assertThat(granted(open(env, ADMIN)).kind()).isEqualTo(GrantKind.DUO_BYPASS);

    assertStepUpRequired(env, () -> disableMfa(env), StepUpAction.REMOVE_MFA);
  }

  @Test
  void removingMfaFromAWorkspaceWithoutDuoNeedsNoApproval() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    disableMfa(env);

    assertThat(policy(env)).isInstanceOf(MfaPolicy.None.class);
    assertThat(stepUpRefusals(env)).isEmpty();
  }

  @Test
  void switchingFromSecureToSafeIsRefusedWithoutAFreshApproval() {
    InMemoryGatehouse env = aDuoWorkspace(Failmode.SECURE);

    assertStepUpRequired(env, () -> configure(env, Failmode.SAFE, MfaOptions.DEFAULTS),
        StepUpAction.SWITCH_FAILMODE_TO_SAFE);

    assertThat(failmode(env)).isEqualTo(Failmode.SECURE);
  }

  @Test
  void switchingFromSecureToSafeIsAllowedWithAFreshApproval() {
    InMemoryGatehouse env = aDuoWorkspace(Failmode.SECURE);
    freshApproval(env, ADMIN);

    assertThat(configure(env, Failmode.SAFE, MfaOptions.DEFAULTS)).isInstanceOf(ConfigureDuoResult.Configured.class);

    assertThat(failmode(env)).isEqualTo(Failmode.SAFE);
  }

  @Test
  void switchingToSafeWithAnOldApprovalIsRefused() {
    InMemoryGatehouse env = aDuoWorkspace(Failmode.SECURE);
    freshApproval(env, ADMIN);
    env.clock.advance(TOO_OLD);

    assertStepUpRequired(env, () -> configure(env, Failmode.SAFE, MfaOptions.DEFAULTS),
        StepUpAction.SWITCH_FAILMODE_TO_SAFE);
    assertThat(failmode(env)).isEqualTo(Failmode.SECURE);
  }

  @Test
  void aFirstConfigurationWithSafeKeepingSafeAndGoingBackToSecureNeedNoApproval() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    assertThat(configure(env, Failmode.SAFE, MfaOptions.DEFAULTS)).isInstanceOf(ConfigureDuoResult.Configured.class);
    assertThat(configure(env, Failmode.SAFE, new MfaOptions(Duration.ofHours(1), Duration.ofSeconds(90),
        Duration.ofSeconds(30), Duration.ZERO))).isInstanceOf(ConfigureDuoResult.Configured.class);
    assertThat(configure(env, Failmode.SECURE, MfaOptions.DEFAULTS)).isInstanceOf(ConfigureDuoResult.Configured.class);

    assertThat(failmode(env)).isEqualTo(Failmode.SECURE);
    assertThat(stepUpRefusals(env)).isEmpty();
  }

  @Test
  void pointingADuoWorkspaceAtAnotherDuoApplicationNeedsAFreshApproval() {
    InMemoryGatehouse env = aDuoWorkspace(Failmode.SECURE);
    DuoSettings current = StorageFixtures.duoSettings();
    DuoSettings elsewhere = new DuoSettings(current.apiHostname(), new IntegrationKey("DIOTHERAPPLICATION01"),
        current.secretKey());

    assertStepUpRequired(env, () -> configureWith(env, elsewhere, Failmode.SECURE),
        StepUpAction.CHANGE_DUO_APPLICATION);
    assertThat(((MfaPolicy.Duo) policy(env)).settings().integrationKey()).isEqualTo(current.integrationKey());

    freshApproval(env, ADMIN);
    assertThat(configureWith(env, elsewhere, Failmode.SECURE)).isInstanceOf(ConfigureDuoResult.Configured.class);
    assertThat(((MfaPolicy.Duo) policy(env)).settings().integrationKey()).isEqualTo(elsewhere.integrationKey());
  }

  @Test
  void anotherSecretKeyOrApiHostnameNeedsAFreshApprovalToo() {
    InMemoryGatehouse env = aDuoWorkspace(Failmode.SECURE);
    DuoSettings current = StorageFixtures.duoSettings();
    DuoSettings otherSecret = new DuoSettings(current.apiHostname(), current.integrationKey(),
        new DuoSecretKey("0123456789abcdefghijABCDEFGHIJ0123456789"));
    DuoSettings otherHost = new DuoSettings(new ApiHostname("api-0ther000.duosecurity.com"),
        current.integrationKey(), current.secretKey());

    assertStepUpRequired(env, () -> configureWith(env, otherSecret, Failmode.SECURE),
        StepUpAction.CHANGE_DUO_APPLICATION);
    assertStepUpRequired(env, () -> configureWith(env, otherHost, Failmode.SECURE),
        StepUpAction.CHANGE_DUO_APPLICATION);
    assertThat(((MfaPolicy.Duo) policy(env)).settings()).isEqualTo(current);

    assertThat(configureWith(env, current, Failmode.SECURE)).isInstanceOf(ConfigureDuoResult.Configured.class);
    assertThat(stepUpRefusals(env)).hasSize(2);
  }

  @Test
  void clearingASuspensionIsRefusedWithoutAFreshApproval() {
    InMemoryGatehouse env = aSuspendedMember();

    assertStepUpRequired(env, () -> clearSuspension(env), StepUpAction.CLEAR_SUSPENSION);

    assertThat(stepUpRefusals(env)).singleElement()
        .satisfies(e -> assertThat(e.detail()).startsWith("clear_suspension of " + MEMBER + " in workspace"));
    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.SUSPENDED);
    assertThat(audit(env, AuditEventType.SUSPENSION_CLEARED)).isEmpty();
  }

  @Test
  void clearingASuspensionIsAllowedWithAFreshApprovalButNotAnOldOne() {
    InMemoryGatehouse env = aSuspendedMember();
    freshApproval(env, ADMIN);
    env.clock.advance(TOO_OLD);
    assertStepUpRequired(env, () -> clearSuspension(env), StepUpAction.CLEAR_SUSPENSION);

    freshApproval(env, ADMIN);
    clearSuspension(env);

    assertThat(audit(env, AuditEventType.SUSPENSION_CLEARED)).singleElement()
        .satisfies(e -> assertThat(e.actor()).contains(ADMIN));
  }

  @Test
  void aUserCannotMintATokenWithoutAFreshApproval() {
    InMemoryGatehouse env = aDuoWorkspace();
    int issued = audit(env, AuditEventType.API_TOKEN_ISSUED).size();

    assertThatThrownBy(() -> issueOwn(env)).isInstanceOf(StepUpRequiredException.class)
        .isInstanceOfSatisfying(StepUpRequiredException.class, e -> {
          assertThat(e.action()).isEqualTo(StepUpAction.ISSUE_API_TOKEN);
          assertThat(e.workspace()).as("any of their workspaces").isEmpty();
        });

    assertThat(audit(env, AuditEventType.API_TOKEN_ISSUED)).hasSize(issued);
    assertThat(stepUpRefusals(env)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.workspace()).isEmpty();
    });
  }

  @Test
  void aUserMintsATokenWithAFreshApprovalInAnyOfTheirWorkspaces() {
    InMemoryGatehouse env = aDuoWorkspace();
    freshApproval(env, MEMBER);

    IssuedApiToken token = issueOwn(env);

    assertThat(token.owner()).isEqualTo(MEMBER);
    assertThat(env.gatehouse.authenticateApiToken()
        .authenticate(new AuthenticateApiTokenQuery(token.token()))).isPresent();
  }

  @Test
  void aUsersOldOrRevokedApprovalMintsNoToken() {
    InMemoryGatehouse env = aDuoWorkspace();
    freshApproval(env, MEMBER);
    env.clock.advance(TOO_OLD);
    assertThatThrownBy(() -> issueOwn(env)).isInstanceOf(StepUpRequiredException.class);

    SessionGrant approval = freshApproval(env, MEMBER);
    env.gatehouse.revokeSession().revoke(new RevokeSessionCommand(ADMIN, WORKSPACE, approval.id()));
    assertThatThrownBy(() -> issueOwn(env)).isInstanceOf(StepUpRequiredException.class);
    assertThat(stepUpRefusals(env)).hasSize(2);
  }

  @Test
  void aTokenCannotMintATokenInAWorkspaceWithoutDuo() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    assertThat(granted(open(env, OTHER_MEMBER)).kind()).isEqualTo(GrantKind.NO_MFA);

    assertThatThrownBy(() -> env.gatehouse.issueApiToken().issue(new IssueApiTokenCommand(OTHER_MEMBER, OTHER_MEMBER)))
        .isInstanceOf(StepUpRequiredException.class);
  }

  @Test
  void anAdministratorMintsTokensWithoutAnApproval() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    IssuedApiToken own = env.gatehouse.issueApiToken().issue(new IssueApiTokenCommand(ADMIN, ADMIN));
    IssuedApiToken bobs = env.gatehouse.issueApiToken().issue(new IssueApiTokenCommand(ADMIN, MEMBER,
        Optional.of(Duration.ofHours(1)), Set.of()));

    assertThat(own.owner()).isEqualTo(ADMIN);
    assertThat(bobs.owner()).isEqualTo(MEMBER);
    assertThat(stepUpRefusals(env)).isEmpty();
  }
}
