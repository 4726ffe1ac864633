package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.duosim.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Duo's clock ten minutes ahead: rejected without correction, followed from /ping with it. */
class DuoClockSkewIT {
  private static final Duration SKEW = Duration.ofMinutes(10);
  private DuoRig rig;

  @BeforeEach
  void start() {
    rig = DuoRig.start(Scenario.defaultScenario());
    rig.simulator.control().shiftClock(SKEW);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void withoutCorrectionASkewedClockIsRejectedAsBadTimestamp() {
    DuoSecondFactorGateway gateway = rig.gateway(rig.config().withClockSkewCorrection(false));

    assertThatThrownBy(() -> gateway.preauth(rig.settings, new DuoUsername("alice"), ClientContext.UNKNOWN))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED))
        .hasMessageContaining("40105");
  }

  @Test
  void aRejectedTimestampResyncsFromPingAndRetriesOnce() {
    DuoSecondFactorGateway gateway = rig.gateway();

    PreauthOutcome outcome = gateway.preauth(rig.settings, new DuoUsername("alice"), ClientContext.UNKNOWN);

    assertThat(outcome).isInstanceOf(PreauthOutcome.Authenticate.class);
    assertThat(gateway.connections().clockSkew(rig.settings)).isBetween(SKEW.minusSeconds(3), SKEW.plusSeconds(3));
    assertThat(rig.simulator.control().requests().stream().map(r -> r.path()).toList())
        .containsSubsequence("/auth/v2/preauth", "/auth/v2/ping", "/auth/v2/preauth");
  }

  @Test
  void checkFollowsDuosClockBeforeVerifying() {
    DuoSecondFactorGateway gateway = rig.gateway();

    gateway.check(rig.settings);

    assertThat(gateway.connections().clockSkew(rig.settings)).isBetween(SKEW.minusSeconds(3), SKEW.plusSeconds(3));
  }
}
