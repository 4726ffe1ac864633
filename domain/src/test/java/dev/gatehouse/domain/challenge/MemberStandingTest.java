package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberStandingTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final AccessGuard CLEAR = AccessGuard.clear(new WorkspaceId("ws-00000001"), new UserName("bob"));

  private static Optional<Restriction.Kind> kind(MemberStanding standing, Optional<DuoMethod> sending) {
    return standing.restrictionAt(NOW, sending).map(Restriction::kind);
  }

  @Test
  void aDisabledUserIsStoppedFirstThenANonMember() {
    assertThat(kind(new MemberStanding(false, false, Optional.of(CLEAR.afterFraud(NOW))), Optional.empty()))
        .contains(Restriction.Kind.USER_DISABLED);
    assertThat(kind(new MemberStanding(true, false, Optional.of(CLEAR.afterFraud(NOW))), Optional.empty()))
        .contains(Restriction.Kind.NOT_MEMBER);
  }

  @Test
  void aSuspensionIsReportedAsSuchAndDeniesAsSuspended() {
    Optional<Restriction> restriction = new MemberStanding(true, true, Optional.of(CLEAR.afterFraud(NOW)))
        .restrictionAt(NOW, Optional.empty());

    assertThat(restriction.map(Restriction::kind)).contains(Restriction.Kind.SUSPENDED);
    assertThat(restriction.map(Restriction::denialReason)).contains(DenialReason.SUSPENDED);
  }

  @Test
  void aCooldownStopsOnlySendingToTheDevice() {
    MemberStanding cooling = new MemberStanding(true, true,
        Optional.of(CLEAR.afterDenial(NOW, Duration.ofSeconds(30))));

    assertThat(kind(cooling, Optional.of(DuoMethod.PUSH))).contains(Restriction.Kind.COOLDOWN);
    assertThat(kind(cooling, Optional.of(DuoMethod.PASSCODE))).isEmpty();
    assertThat(kind(cooling, Optional.empty())).isEmpty();
  }

  @Test
  void aMemberWithNothingRecordedMayGetIn() {
    assertThat(kind(new MemberStanding(true, true, Optional.empty()), Optional.of(DuoMethod.PUSH))).isEmpty();
  }

  @Test
  void restrictionsThatAreNotTheMembersFaultCancel() {
    assertThat(new Restriction(Restriction.Kind.NOT_MEMBER, Optional.empty()).denialReason())
        .isEqualTo(DenialReason.CANCELLED);
    assertThat(new Restriction(Restriction.Kind.LOCKED_OUT, Optional.of(NOW)).denialReason())
        .isEqualTo(DenialReason.LOCKED_OUT);
  }
}
