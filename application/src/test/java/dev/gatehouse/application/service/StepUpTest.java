package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.CLIENT;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.RIGHT_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.WAIT;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.WRONG_PASSCODE;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActiveDevice;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.granted;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.read;
import static dev.gatehouse.application.service.GatehouseFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.entry.AddEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.StepUp;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.workspace.MemberRole;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Per-entry step-up: a reveal of a marked entry needs a Duo approval for that entry on that
 * session, no older than the entry's step-up age, under every push-abuse rule and never skipped.
 */
class StepUpTest {
  private static final String PASSWORD = "Tr0ub4dor&3-stepup";
  private static final EntryName VAULT = new EntryName("vault-root");
  private static final EntryName OTHER = new EntryName("backup-root");
  private static final EntryName PLAIN = new EntryName("printer");
  private static final Duration AGE = Duration.ofMinutes(5);

  private final Member bob = Member.editing(aMemberWithActivePush());
  private final InMemoryGatehouse env = bob.env();
  private final SessionCredentials session = bob.session();

  /** Bob as an editor in an open session, with two marked entries and a plain one. */
  private record Member(InMemoryGatehouse env, SessionCredentials session) {
    static Member editing(InMemoryGatehouse env) {
      env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER, Optional.of(MemberRole.EDITOR)));
      SessionCredentials session = openSession(env);
      add(env, session, VAULT, Optional.of(new StepUp(AGE)));
      add(env, session, OTHER, Optional.of(new StepUp(AGE)));
      add(env, session, PLAIN, Optional.empty());
      return new Member(env, session);
    }

    RevealEntryResult reveal(EntryName entry) {
      return env.gatehouse.revealEntry().reveal(new RevealEntryCommand(session, entry, CLIENT));
    }
  }

  /** Opens the workspace as bob, approving the unlock push at Duo (or typing the right passcode). */
  private static SessionCredentials openSession(InMemoryGatehouse env) {
    ChallengeView unlock = pending(open(env, MEMBER));
    ChallengeView approved = unlock.state() == ChallengeState.AWAITING_PASSCODE
        ? submit(env, MEMBER, unlock.id(), RIGHT_PASSCODE) : approveAndRead(env, MEMBER, unlock.id());
    SessionGrant grant = GatehouseFixtures.claim(env, MEMBER, approved);
    return new SessionCredentials(MEMBER, WORKSPACE, grant.token());
  }

  private static void add(InMemoryGatehouse env, SessionCredentials session, EntryName name,
      Optional<StepUp> stepUp) {
    env.gatehouse.addEntry().add(new AddEntryCommand(session,
        EntriesTest.details(name.value()).withStepUp(stepUp), Optional.of(EntrySecret.password(PASSWORD))));
  }

  private RevealEntryResult reveal(SessionCredentials credentials, EntryName entry) {
    return env.gatehouse.revealEntry().reveal(new RevealEntryCommand(credentials, entry, CLIENT));
  }

  private static ChallengeView stepUpRequired(RevealEntryResult result) {
    assertThat(result).isInstanceOf(RevealEntryResult.StepUpRequired.class);
    return ((RevealEntryResult.StepUpRequired) result).challenge();
  }

  private static String revealed(RevealEntryResult result) {
    assertThat(result).isInstanceOf(RevealEntryResult.Revealed.class);
    return ((RevealEntryResult.Revealed) result).entry().secret().reveal();
  }

  private static DenialCode denied(RevealEntryResult result) {
    assertThat(result).isInstanceOf(RevealEntryResult.Denied.class);
    return ((RevealEntryResult.Denied) result).denial().code();
  }

  /** Reveals, approves the step-up push at Duo, reads the approved challenge. */
  private void stepUp(SessionCredentials credentials, EntryName entry) {
    ChallengeView challenge = stepUpRequired(reveal(credentials, entry));
    assertThat(approveAndRead(env, MEMBER, challenge.id()).state()).isEqualTo(ChallengeState.APPROVED);
  }

  @Test
  void aMarkedEntryNeedsAFreshApprovalEvenInsideALiveSession() {
    long pushes = env.duo.count(Operation.START_AUTH);

    ChallengeView challenge = stepUpRequired(reveal(session, VAULT));

    assertThat(challenge.purpose()).isEqualTo(ChallengePurpose.STEP_UP);
    assertThat(challenge.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(challenge.selection().method()).isEqualTo(DuoMethod.PUSH);
    assertThat(challenge.sessionReady()).isFalse();
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(pushes + 1);
    assertThat(env.duo.lastPushContext().action()).isEqualTo("Reveal credential");
    assertThat(audit(env, AuditEventType.CREDENTIAL_REVEALED)).isEmpty();
  }

  @Test
  void anEntryWithoutStepUpRevealsWithoutAskingDuo() {
    long preauths = env.duo.count(Operation.PREAUTH);

    assertThat(revealed(reveal(session, PLAIN))).isEqualTo(PASSWORD);
    assertThat(env.duo.count(Operation.PREAUTH)).isEqualTo(preauths);
  }

  @Test
  void anApprovedStepUpRevealsThatEntryOnThatSessionWithinTheWindowAndIsAudited() {
    stepUp(session, VAULT);
    long preauths = env.duo.count(Operation.PREAUTH);

    assertThat(revealed(reveal(session, VAULT))).isEqualTo(PASSWORD);
    env.clock.advance(AGE.minusSeconds(1));
    assertThat(revealed(reveal(session, VAULT))).isEqualTo(PASSWORD);

    assertThat(env.duo.count(Operation.PREAUTH)).isEqualTo(preauths);
    assertThat(audit(env, AuditEventType.CREDENTIAL_REVEALED)).hasSize(2).allSatisfy(event -> assertThat(event.detail())
        .contains("vault-root").contains("step-up push approved at most PT5M ago").doesNotContain(PASSWORD));
    assertThat(audit(env, AuditEventType.CHALLENGE_APPROVED)).first().extracting(AuditEvent::detail)
        .asString().startsWith("step-up: ");
  }

  @Test
  void theApprovalExpiresWithTheEntrysStepUpAge() {
    stepUp(session, VAULT);

    env.clock.advance(AGE.plusSeconds(1));

    assertThat(stepUpRequired(reveal(session, VAULT)).purpose()).isEqualTo(ChallengePurpose.STEP_UP);
  }

  @Test
  void theApprovalCountsForThatEntryOnly() {
    stepUp(session, VAULT);

    assertThat(stepUpRequired(reveal(session, OTHER)).state()).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void theApprovalCountsForThatSessionOnly() {
    stepUp(session, VAULT);
    SessionCredentials second = openSession(env);

    assertThat(stepUpRequired(reveal(second, VAULT)).state()).isEqualTo(ChallengeState.PENDING);
    assertThat(revealed(reveal(session, VAULT))).isEqualTo(PASSWORD);
  }

  @Test
  void aWaitingStepUpIsReturnedAgainAndBlocksAnotherPush() {
    ChallengeView first = stepUpRequired(reveal(session, VAULT));
    long pushes = env.duo.count(Operation.START_AUTH);

    ChallengeView again = stepUpRequired(reveal(session, VAULT));
    RevealEntryResult other = reveal(session, OTHER);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(denied(other)).isEqualTo(DenialCode.CHALLENGE_PENDING);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(pushes);
  }

  @Test
  void aDeniedStepUpPushStartsTheCooldown() {
    ChallengeView challenge = stepUpRequired(reveal(session, VAULT));
    env.duo.deny(env.duo.lastTransaction());
    assertThat(read(env, MEMBER, challenge.id(), WAIT).denialReason()).contains(DenialReason.DENIED);

    assertThat(denied(reveal(session, VAULT))).isEqualTo(DenialCode.COOLDOWN);
  }

  @Test
  void fraudReportedOnAStepUpSuspendsTheMemberAndEndsTheSession() {
    ChallengeView challenge = stepUpRequired(reveal(session, VAULT));
    env.duo.reportFraud(env.duo.lastTransaction());
    assertThat(read(env, MEMBER, challenge.id(), WAIT).denialReason()).contains(DenialReason.FRAUD);

    assertThat(audit(env, AuditEventType.SUSPENDED)).singleElement()
        .satisfies(event -> assertThat(event.subject()).contains(MEMBER));
    assertThatThrownBy(() -> reveal(session, PLAIN)).isInstanceOf(SessionRequiredException.class);
    assertThat(GatehouseFixtures.denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.SUSPENDED);
  }

  @Test
  void failmodeSafeNeverSkipsAStepUp() {
    Member safe = Member.editing(aMemberWithActivePush(Failmode.SAFE));
    safe.env().duo.failNext(Operation.PREAUTH,
        FakeSecondFactorGateway.unavailable(SecondFactorUnavailableException.Kind.UNREACHABLE));

    RevealEntryResult result = safe.reveal(VAULT);

    assertThat(denied(result)).isEqualTo(DenialCode.DUO_UNAVAILABLE);
    assertThat(((RevealEntryResult.Denied) result).denial().problem()).contains(SecondFactorProblem.UNAVAILABLE);
    assertThat(audit(safe.env(), AuditEventType.FAILSAFE_GRANTED)).isEmpty();
    assertThat(audit(safe.env(), AuditEventType.CREDENTIAL_REVEALED)).isEmpty();
    assertThat(audit(safe.env(), AuditEventType.ACCESS_DENIED)).first().extracting(AuditEvent::detail).asString()
        .startsWith("step-up: duo_unavailable: ").containsIgnoringCase("unreachable");
  }

  @Test
  void aDuoBypassUserIsDeniedAStepUp() {
    env.duo.bypass(MEMBER.value());

    RevealEntryResult result = reveal(session, VAULT);

    assertThat(denied(result)).isEqualTo(DenialCode.DUO_BYPASS_USER);
    assertThat(audit(env, AuditEventType.CREDENTIAL_REVEALED)).isEmpty();
  }

  @Test
  void aPasscodeDeviceStepsUpWithAPasscodeUnderItsLimit() {
    Member passcodes = Member.editing(aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.PASSCODE));
    ChallengeView challenge = stepUpRequired(passcodes.reveal(VAULT));
    assertThat(challenge.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);

    ChallengeView wrong = submit(passcodes.env(), MEMBER, challenge.id(), WRONG_PASSCODE);
    ChallengeView right = submit(passcodes.env(), MEMBER, challenge.id(), RIGHT_PASSCODE);

    assertThat(wrong.remainingPasscodeAttempts()).isEqualTo(4);
    assertThat(right.state()).isEqualTo(ChallengeState.APPROVED);
    assertThat(revealed(passcodes.reveal(VAULT))).isEqualTo(PASSWORD);
  }

  @Test
  void aStepUpEntryInAWorkspaceWithoutDuoCannotBeRevealed() {
    InMemoryGatehouse plain = aWorkspaceWithMembers();
    plain.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER, Optional.of(MemberRole.EDITOR)));
    SessionCredentials credentials = new SessionCredentials(MEMBER, WORKSPACE, granted(open(plain, MEMBER)).token());
    add(plain, credentials, VAULT, Optional.of(new StepUp(AGE)));

    assertThatThrownBy(() -> plain.gatehouse.revealEntry().reveal(new RevealEntryCommand(credentials, VAULT, CLIENT)))
        .isInstanceOf(SecondFactorProblemException.class)
        .satisfies(e -> assertThat(((SecondFactorProblemException) e).problem())
            .isEqualTo(SecondFactorProblem.NOT_CONFIGURED));
  }
}
