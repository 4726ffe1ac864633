package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.NO_WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.RIGHT_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActiveDevice;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.submit;
import static dev.gatehouse.application.service.GatehouseFixtures.workspaceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import org.junit.jupiter.api.Test;

/**
 * Access withdrawn while a challenge is open (the member removed from the workspace, suspended
 * after fraud elsewhere, locked out): no approval and no session outruns it.
 */
class RevokedAccessTest {

  @Test
  void removingAMemberCancelsTheirOpenChallenges() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    remove(env);

    ChallengeView view = read(env, MEMBER, challenge.id(), NO_WAIT);
    assertThat(view.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(view.denialReason()).contains(DenialReason.CANCELLED);
    assertThat(view.endCode()).contains(EndCode.MEMBER_REMOVED);
    assertThat(view.message().isEmpty()).as("worded by each face, not the core").isTrue();
  }

  @Test
  void removingAMemberCancelsTheirOpenPasscodeChallengesToo() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView first = pending(open(env, MEMBER));
    ChallengeView second = pending(open(env, MEMBER));

    remove(env);

    assertThat(env.ports.challenges().findOpen(workspaceId(env), MEMBER)).isEmpty();
    assertThat(read(env, MEMBER, first.id(), NO_WAIT).denialReason()).contains(DenialReason.CANCELLED);
    assertThat(read(env, MEMBER, second.id(), NO_WAIT).denialReason()).contains(DenialReason.CANCELLED);
  }

  @Test
  void aLateApprovalAfterTheMemberWasRemovedOpensNothing() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    remove(env);

    ChallengeView view = approveAndRead(env, MEMBER, challenge.id());

    assertThat(view.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void anApprovalOfAMemberSuspendedMeanwhileDeniesTheChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    suspend(env);

    ChallengeView view = approveAndRead(env, MEMBER, challenge.id());

    assertThat(view.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(view.denialReason()).as("a suspension is reported as such").contains(DenialReason.SUSPENDED);
    assertThat(view.message()).as("the faces word the reason, not the core").isEqualTo(StatusMessage.NONE);
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void aRightPasscodeFromAMemberSuspendedMeanwhileOpensNothing() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE);
    ChallengeView challenge = pending(open(env, MEMBER));
    suspend(env);

    ChallengeView view = submit(env, MEMBER, challenge.id(), RIGHT_PASSCODE);

    assertThat(view.state()).isEqualTo(ChallengeState.DENIED);
    assertThat(view.sessionReady()).isFalse();
  }

  @Test
  void anApprovedUnlockIssuesNoSessionOnceTheMemberWasRemoved() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView view = approveInStorageThenRead(env, challenge, () -> remove(env));

    assertThat(view.state()).isEqualTo(ChallengeState.APPROVED);
    assertThatThrownBy(() -> GatehouseFixtures.claim(env, MEMBER, view))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("approved, but no session was issued: access withdrawn (not_member)");
  }

  @Test
  void anApprovedUnlockIssuesNoSessionOnceTheMemberIsSuspended() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView view = approveInStorageThenRead(env, challenge, () -> suspend(env));

    assertThat(view.state()).isEqualTo(ChallengeState.APPROVED);
    assertThatThrownBy(() -> GatehouseFixtures.claim(env, MEMBER, view)).isInstanceOf(AccessDeniedException.class);
    assertThat(env.ports.challenges().find(challenge.id()).orElseThrow().sessionIssued()).isFalse();
  }

  @Test
  void aWithheldSessionIsAuditedAsADenial() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));
    long grantsBefore = audit(env, AuditEventType.ACCESS_GRANTED).size();

    ChallengeView view = approveInStorageThenRead(env, challenge, () -> suspend(env));
    assertThatThrownBy(() -> GatehouseFixtures.claim(env, MEMBER, view)).isInstanceOf(AccessDeniedException.class);

    assertThat(audit(env, AuditEventType.ACCESS_GRANTED)).hasSize((int) grantsBefore);
    assertThat(audit(env, AuditEventType.ACCESS_DENIED)).first().satisfies(e -> {
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.outcome()).isEqualTo("suspended");
    });
  }

  @Test
  void aMemberWhoKeptAccessStillGetsTheSession() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeView challenge = pending(open(env, MEMBER));

    ChallengeView view = approveInStorageThenRead(env, challenge, () -> { });

    assertThat(view.sessionReady()).isTrue();
  }

  /**
   * Records Duo's approval as another node would (the challenge approved, its session not yet
   * issued), lets access change, then has the owner read the challenge.
   */
  private static ChallengeView approveInStorageThenRead(InMemoryGatehouse env, ChallengeView view,
      Runnable meanwhile) {
    Challenge stored = env.ports.challenges().find(view.id()).orElseThrow();
    env.ports.challenges().update(stored.approve(StatusMessage.of("Success. Logging you in...")));
    meanwhile.run();
    return read(env, MEMBER, view.id(), NO_WAIT);
  }

  private static void remove(InMemoryGatehouse env) {
    env.gatehouse.removeMember().remove(new RemoveMemberCommand(ADMIN, WORKSPACE, MEMBER));
  }

  private static void suspend(InMemoryGatehouse env) {
    env.ports.guards().save(AccessGuard.clear(workspaceId(env), MEMBER).afterFraud(env.clock.instant()));
  }
}
