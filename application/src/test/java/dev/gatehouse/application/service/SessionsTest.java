package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.freshApproval;
import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.CLIENT;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.configure;
import static dev.gatehouse.application.service.GatehouseFixtures.granted;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.entry.ListEntriesQuery;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.GetSessionQuery;
import dev.gatehouse.application.port.in.session.Introspection;
import dev.gatehouse.application.port.in.session.IntrospectSessionQuery;
import dev.gatehouse.application.port.in.session.ListSessionsQuery;
import dev.gatehouse.application.port.in.session.RevokeSessionCommand;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.application.port.in.session.SessionSummary;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.UserName;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Workspace sessions: status, close, admin listing and revocation, revocation on access changes, introspection. */
class SessionsTest {

  private static SessionCredentials opened(InMemoryGatehouse env, UserName user) {
    SessionGrant grant = granted(open(env, user));
    return new SessionCredentials(user, WORKSPACE, grant.token());
  }

  private static ApiCaller caller(InMemoryGatehouse env, UserName user, TokenScope... scopes) {
    return new ApiCaller(env.ports.users().find(user).orElseThrow(), new TokenId("token-test-1"), Set.of(scopes));
  }

  private static void assertRefused(InMemoryGatehouse env, SessionCredentials session) {
    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(session)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aMemberSeesTheirLiveSessionAndClosesIt() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    SessionCredentials session = opened(env, MEMBER);

    SessionSummary live = env.gatehouse.getSession().get(new GetSessionQuery(session)).orElseThrow();
    assertThat(live.kind()).isEqualTo(GrantKind.NO_MFA);
    assertThat(live.expiresAt()).isEqualTo(env.clock.instant().plus(MfaOptions.DEFAULTS.sessionLifetime()));

    assertThat(env.gatehouse.closeSession().close(new CloseSessionCommand(session))).isTrue();
    assertThat(env.gatehouse.closeSession().close(new CloseSessionCommand(session))).isFalse();
    assertThat(env.gatehouse.getSession().get(new GetSessionQuery(session))).isEmpty();
    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(session)))
        .isInstanceOf(SessionRequiredException.class);
    assertThat(audit(env, AuditEventType.SESSION_CLOSED)).hasSize(1);
  }

  @Test
  void anAdministratorListsLiveSessionsAndRevokesOne() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    SessionCredentials bobs = opened(env, MEMBER);
    env.clock.advance(Duration.ofSeconds(1));
    SessionCredentials carols = opened(env, OTHER_MEMBER);

    var sessions = env.gatehouse.listSessions().list(new ListSessionsQuery(ADMIN, WORKSPACE));
    assertThat(sessions).extracting(SessionSummary::user).containsExactly(OTHER_MEMBER, MEMBER);

    assertThat(env.gatehouse.revokeSession().revoke(new RevokeSessionCommand(ADMIN, WORKSPACE, sessions.get(1).id()))).isTrue();

    assertRefused(env, bobs);
    assertThat(env.gatehouse.listEntries().list(new ListEntriesQuery(carols))).isEmpty();
    assertThat(audit(env, AuditEventType.SESSION_REVOKED)).singleElement()
        .satisfies(e -> assertThat(e.subject()).contains(MEMBER));
  }

  @Test
  void onlyAdministratorsListOrRevokeSessions() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    opened(env, MEMBER);

    assertThatThrownBy(() -> env.gatehouse.listSessions().list(new ListSessionsQuery(MEMBER, WORKSPACE)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> env.gatehouse.revokeSession().revoke(new RevokeSessionCommand(ADMIN, WORKSPACE,
        env.ports.tokens().newSessionId()))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void removingAMemberRevokesTheirSessionsAtOnce() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    SessionCredentials bobs = opened(env, MEMBER);
    SessionCredentials carols = opened(env, OTHER_MEMBER);

    env.gatehouse.removeMember().remove(new RemoveMemberCommand(ADMIN, WORKSPACE, MEMBER));

    assertThat(env.ports.sessions().find(env.ports.tokens().hash(bobs.session())).orElseThrow().isRevoked()).isTrue();
    assertThat(env.gatehouse.listEntries().list(new ListEntriesQuery(carols))).isEmpty();
  }

  @Test
  void changingOrRemovingTheWorkspacesMfaRevokesEverySession() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    SessionCredentials bobs = opened(env, MEMBER);

    configure(env, Failmode.SECURE, MfaOptions.DEFAULTS);
    assertRefused(env, bobs);

    freshApproval(env, ADMIN);
    env.gatehouse.disableMfa().disable(new DisableMfaCommand(ADMIN, WORKSPACE));
    SessionCredentials again = opened(env, MEMBER);
    configure(env, Failmode.SECURE, MfaOptions.DEFAULTS);
    freshApproval(env, ADMIN);
    env.gatehouse.disableMfa().disable(new DisableMfaCommand(ADMIN, WORKSPACE));
    assertRefused(env, again);
    // bob's session at each configuration, alice's step-up session at each removal
    assertThat(audit(env, AuditEventType.SESSION_REVOKED)).hasSize(4)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo("revoked"));
    assertThat(audit(env, AuditEventType.SESSION_REVOKED)).filteredOn(e -> e.detail().contains("MFA removed"))
        .hasSize(2);
  }

  @Test
  void aFraudReportRevokesTheMembersSessions() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView first = pending(open(env, MEMBER));
    ChallengeView approved = approveAndRead(env, MEMBER, first.id());
    SessionCredentials session = new SessionCredentials(MEMBER, WORKSPACE, GatehouseFixtures.claim(env, MEMBER, approved).token());
    assertThat(env.gatehouse.listEntries().list(new ListEntriesQuery(session))).isEmpty();

    ChallengeView second = pending(open(env, MEMBER));
    env.duo.reportFraud(env.duo.lastTransaction());
    assertThat(read(env, MEMBER, second.id(), GatehouseFixtures.WAIT).state()).isEqualTo(ChallengeState.DENIED);

    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(session)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(env.ports.sessions().find(env.ports.tokens().hash(session.session())).orElseThrow().isRevoked()).isTrue();
  }

  @Test
  void introspectionSaysActiveOnlyForALiveSession() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    SessionCredentials bobs = opened(env, MEMBER);

    Introspection active = env.gatehouse.introspectSession().introspect(
        new IntrospectSessionQuery(caller(env, ADMIN), bobs.session()));
    assertThat(active.active()).isTrue();
    assertThat(active.session().orElseThrow().user()).isEqualTo(MEMBER);
    assertThat(active.session().orElseThrow().workspace()).isEqualTo(WORKSPACE);

    Introspection unknown = env.gatehouse.introspectSession().introspect(
        new IntrospectSessionQuery(caller(env, ADMIN), env.ports.tokens().newToken()));
    env.gatehouse.closeSession().close(new CloseSessionCommand(bobs));
    Introspection closed = env.gatehouse.introspectSession().introspect(
        new IntrospectSessionQuery(caller(env, OTHER_MEMBER, TokenScope.INTROSPECT), bobs.session()));
    assertThat(unknown).isEqualTo(Introspection.INACTIVE);
    assertThat(closed).isEqualTo(Introspection.INACTIVE);
  }

  @Test
  void introspectionAnswersInactiveForARemovedMembersSession() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    SessionCredentials bobs = opened(env, MEMBER);
    env.ports.workspaces().removeMember(env.ports.workspaces().find(WORKSPACE).orElseThrow().id(), MEMBER);

    assertThat(env.gatehouse.introspectSession().introspect(
        new IntrospectSessionQuery(caller(env, ADMIN), bobs.session())).active()).isFalse();
  }

  @Test
  void introspectionNeedsAnAdministratorOrTheIntrospectScope() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    SessionCredentials bobs = opened(env, MEMBER);

    assertThatThrownBy(() -> env.gatehouse.introspectSession().introspect(
        new IntrospectSessionQuery(caller(env, OTHER_MEMBER), bobs.session())))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("introspect");
  }

  @Test
  void anExpiredSessionIsNotListed() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    opened(env, MEMBER);
    env.clock.advance(MfaOptions.DEFAULTS.sessionLifetime());

    assertThat(env.gatehouse.listSessions().list(new ListSessionsQuery(ADMIN, WORKSPACE))).isEmpty();
  }

  @Test
  void theSessionGrantCarriesThePublicIdThatTheAuditNames() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    SessionGrant grant = granted(env.gatehouse.openWorkspace().open(
        new OpenWorkspaceCommand(MEMBER, WORKSPACE, CLIENT)));

    assertThat(audit(env, AuditEventType.ACCESS_GRANTED).get(0).detail()).contains(grant.id().value());
  }
}
