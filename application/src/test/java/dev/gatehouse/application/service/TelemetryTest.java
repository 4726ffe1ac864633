package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.mfa.Failmode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the core reports through its Telemetry port: each unlock outcome once, each settled challenge once. */
class TelemetryTest {

  @Test
  void anUnlockWithoutSecondFactorIsAGrantOfItsKind() {
    InMemoryGatehouse env = aWorkspaceWithMembers();

    open(env, MEMBER);

    assertThat(env.telemetry.events()).containsExactly("granted NO_MFA");
  }

  @Test
  void anApprovedPushIsPendingThenSettledThenGrantedOnce() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SECURE);
    int before = env.telemetry.events().size();
    ChallengeView challenge = pending(open(env, MEMBER));
    env.clock.advance(Duration.ofSeconds(3));

    ChallengeView approved = approveAndRead(env, MEMBER, challenge.id());
    GatehouseFixtures.read(env, MEMBER, challenge.id(), Duration.ZERO);
    GatehouseFixtures.claim(env, MEMBER, approved);

    assertThat(env.telemetry.events().subList(before, env.telemetry.events().size()))
        .containsExactly("pending", "settled UNLOCK APPROVED PT3S", "granted DUO_APPROVED");
  }

  @Test
  void duoUnavailableUnderFailmodeSafeIsAFailsafeGrant() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SAFE);
    env.duo.failNext(Operation.PREAUTH, FakeSecondFactorGateway.unavailable(Kind.TIMEOUT));
    int before = env.telemetry.events().size();

    open(env, MEMBER);

    assertThat(env.telemetry.events().subList(before, env.telemetry.events().size()))
        .containsExactly("granted FAILSAFE");
  }

  @Test
  void duoUnavailableUnderFailmodeSecureIsADenialByCode() {
    InMemoryGatehouse env = aMemberWithActivePush(Failmode.SECURE);
    env.duo.failNext(Operation.PREAUTH, FakeSecondFactorGateway.unavailable(Kind.TIMEOUT));
    int before = env.telemetry.events().size();

    open(env, MEMBER);

    assertThat(env.telemetry.events().subList(before, env.telemetry.events().size()))
        .containsExactly("denied DUO_UNAVAILABLE");
  }
}
