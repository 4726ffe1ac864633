package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.freshApproval;
import static dev.gatehouse.application.service.GatehouseFixtures.granted;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.ChangeUserStatusCommand;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.application.port.in.IssuedApiToken;
import dev.gatehouse.application.port.in.ListApiTokensQuery;
import dev.gatehouse.application.port.in.ListUsersQuery;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.RevokeApiTokenCommand;
import dev.gatehouse.application.port.in.RotateMasterKeyCommand;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.entry.ListEntriesQuery;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** API tokens with ids, expiry, scopes and revocation; users disabled and enabled; master key rotation. */
class TokensAndUsersTest {

  private static IssuedApiToken issue(InMemoryGatehouse env, IssueApiTokenCommand command) {
    return env.gatehouse.issueApiToken().issue(command);
  }

  /** A Duo workspace whose members bob and carol each opened it with Duo just now: they may mint tokens. */
  private static InMemoryGatehouse membersWithFreshApprovals() {
    InMemoryGatehouse env = aDuoWorkspace();
    freshApproval(env, MEMBER);
    freshApproval(env, OTHER_MEMBER);
    return env;
  }

  private static boolean accepted(InMemoryGatehouse env, IssuedApiToken token) {
    return env.gatehouse.authenticateApiToken().authenticate(new AuthenticateApiTokenQuery(token.token())).isPresent();
  }

  @Test
  void aTokenWorksUntilItExpires() {
    InMemoryGatehouse env = membersWithFreshApprovals();
    IssuedApiToken token = issue(env, new IssueApiTokenCommand(MEMBER, MEMBER, Optional.of(Duration.ofHours(1)), Set.of()));

    assertThat(token.expiresAt()).contains(env.clock.instant().plus(Duration.ofHours(1)));
    assertThat(accepted(env, token)).isTrue();
    env.clock.advance(Duration.ofHours(1));
    assertThat(accepted(env, token)).isFalse();
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() {
    InMemoryGatehouse env = membersWithFreshApprovals();
    IssuedApiToken token = issue(env, new IssueApiTokenCommand(MEMBER, MEMBER));

    ApiToken revoked = env.gatehouse.revokeApiToken().revoke(new RevokeApiTokenCommand(MEMBER, token.id()));

    assertThat(revoked.revokedAt()).isPresent();
    assertThat(accepted(env, token)).isFalse();
    assertThat(audit(env, AuditEventType.API_TOKEN_REVOKED)).hasSize(1);
    env.gatehouse.revokeApiToken().revoke(new RevokeApiTokenCommand(ADMIN, token.id()));
    assertThat(audit(env, AuditEventType.API_TOKEN_REVOKED)).hasSize(1);
  }

  @Test
  void aUserRevokesOnlyTheirOwnTokens() {
    InMemoryGatehouse env = membersWithFreshApprovals();
    IssuedApiToken carols = issue(env, new IssueApiTokenCommand(OTHER_MEMBER, OTHER_MEMBER));

    assertThatThrownBy(() -> env.gatehouse.revokeApiToken().revoke(new RevokeApiTokenCommand(MEMBER, carols.id())))
        .isInstanceOf(NotFoundException.class);
    assertThat(accepted(env, carols)).isTrue();
  }

  @Test
  void usersListTheirOwnTokensAndAdministratorsAnyones() {
    InMemoryGatehouse env = membersWithFreshApprovals();
    issue(env, new IssueApiTokenCommand(MEMBER, MEMBER));
    issue(env, new IssueApiTokenCommand(OTHER_MEMBER, OTHER_MEMBER));

    assertThat(env.gatehouse.listApiTokens().list(new ListApiTokensQuery(MEMBER, Optional.empty())))
        .extracting(ApiToken::owner).containsOnly(MEMBER);
    assertThat(env.gatehouse.listApiTokens().list(new ListApiTokensQuery(ADMIN, Optional.empty()))).hasSize(2);
    assertThatThrownBy(() -> env.gatehouse.listApiTokens().list(new ListApiTokensQuery(MEMBER, Optional.of(OTHER_MEMBER))))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void onlyAdministratorsGrantTheIntrospectScope() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    assertThatThrownBy(() -> issue(env, new IssueApiTokenCommand(MEMBER, MEMBER, Optional.empty(), Set.of(TokenScope.INTROSPECT))))
        .isInstanceOf(AccessDeniedException.class);
    IssuedApiToken gateway = issue(env, new IssueApiTokenCommand(ADMIN, MEMBER, Optional.empty(), Set.of(TokenScope.INTROSPECT)));
    assertThat(env.gatehouse.authenticateApiToken().authenticate(new AuthenticateApiTokenQuery(gateway.token()))
        .orElseThrow().hasScope(TokenScope.INTROSPECT)).isTrue();
  }

  @Test
  void theLastUseIsRecordedAtMostOnceAMinute() {
    InMemoryGatehouse env = membersWithFreshApprovals();
    IssuedApiToken token = issue(env, new IssueApiTokenCommand(MEMBER, MEMBER));
    Instant first = env.clock.instant();

    accepted(env, token);
    env.clock.advance(Duration.ofSeconds(30));
    accepted(env, token);
    assertThat(env.ports.apiTokens().find(token.id()).orElseThrow().lastUsedAt()).contains(first);
    env.clock.advance(Duration.ofSeconds(30));
    accepted(env, token);
    assertThat(env.ports.apiTokens().find(token.id()).orElseThrow().lastUsedAt()).contains(env.clock.instant());
  }

  @Test
  void disablingAUserRevokesTheirTokensAndSessionsAndKeepsTheAuditTrail() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    IssuedApiToken token = issue(env, new IssueApiTokenCommand(ADMIN, MEMBER));
    SessionCredentials session = new SessionCredentials(MEMBER, WORKSPACE,
        granted(open(env, MEMBER)).token());
    int trail = audit(env).size();

    User disabled = env.gatehouse.disableUser().disable(new ChangeUserStatusCommand(ADMIN, MEMBER));

    assertThat(disabled.isDisabled()).isTrue();
    assertThat(accepted(env, token)).isFalse();
    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(session)))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("disabled");
    assertThatThrownBy(() -> env.gatehouse.openWorkspace().open(new OpenWorkspaceCommand(MEMBER, WORKSPACE,
        GatehouseFixtures.CLIENT))).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> issue(env, new IssueApiTokenCommand(ADMIN, MEMBER))).isInstanceOf(AccessDeniedException.class);
    assertThat(audit(env)).hasSizeGreaterThan(trail);
    assertThat(audit(env, AuditEventType.USER_DISABLED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("1 API token"));
  }

  @Test
  void anEnabledUserNeedsNewTokens() {
    InMemoryGatehouse env = membersWithFreshApprovals();
    IssuedApiToken old = issue(env, new IssueApiTokenCommand(MEMBER, MEMBER));
    env.gatehouse.disableUser().disable(new ChangeUserStatusCommand(ADMIN, MEMBER));

    env.gatehouse.enableUser().enable(new ChangeUserStatusCommand(ADMIN, MEMBER));

    assertThat(accepted(env, old)).isFalse();
    // disabling revoked the approval's session too: a new token needs a new approval
    assertThatThrownBy(() -> issue(env, new IssueApiTokenCommand(MEMBER, MEMBER)))
        .isInstanceOf(StepUpRequiredException.class);
    freshApproval(env, MEMBER);
    assertThat(accepted(env, issue(env, new IssueApiTokenCommand(MEMBER, MEMBER)))).isTrue();
    assertThat(audit(env, AuditEventType.USER_ENABLED)).hasSize(1);
  }

  @Test
  void anAdministratorCannotDisableThemselvesAndMembersCannotDisableAnyone() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    assertThatThrownBy(() -> env.gatehouse.disableUser().disable(new ChangeUserStatusCommand(ADMIN, ADMIN)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> env.gatehouse.disableUser().disable(new ChangeUserStatusCommand(MEMBER, OTHER_MEMBER)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void administratorsListUsersByName() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    assertThat(env.gatehouse.listUsers().list(new ListUsersQuery(ADMIN))).extracting(u -> u.name().value())
        .containsExactly("alice", "bob", "carol", "mallory");
    assertThatThrownBy(() -> env.gatehouse.listUsers().list(new ListUsersQuery(MEMBER)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void rotatingTheMasterKeyIsForAdministratorsAndAudited() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    assertThatThrownBy(() -> env.gatehouse.rotateMasterKey().rotate(new RotateMasterKeyCommand(MEMBER)))
        .isInstanceOf(AccessDeniedException.class);
    var rotated = env.gatehouse.rotateMasterKey().rotate(new RotateMasterKeyCommand(ADMIN));

    assertThat(rotated.currentKeyId()).isNotEqualTo(rotated.previousKeyId());
    assertThat(audit(env, AuditEventType.MASTER_KEY_ROTATED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains(rotated.currentKeyId()));
  }

  @Test
  void aPushApprovedAfterTheUserWasDisabledOpensNothing() {
    InMemoryGatehouse env = GatehouseFixtures.aMemberWithActivePush();
    ChallengeView waiting = GatehouseFixtures.pending(open(env, MEMBER));

    env.gatehouse.disableUser().disable(new ChangeUserStatusCommand(ADMIN, MEMBER));
    env.duo.approve(env.duo.lastTransaction());

    // The disabled member can no longer read it; the challenge ends denied, with no session.
    assertThatThrownBy(() -> GatehouseFixtures.read(env, MEMBER, waiting.id(), GatehouseFixtures.WAIT))
        .isInstanceOf(AccessDeniedException.class);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!env.ports.challenges().find(waiting.id()).orElseThrow().state().isFinal() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(env.ports.challenges().find(waiting.id()).orElseThrow().state()).isNotEqualTo(ChallengeState.APPROVED);
    assertThat(env.ports.sessions().listLive(GatehouseFixtures.workspaceId(env), env.clock.instant())).isEmpty();
  }
}
