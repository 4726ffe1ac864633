package dev.gatehouse.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.readiness.MemberReadiness;
import dev.gatehouse.application.port.in.readiness.PreauthAnswer;
import dev.gatehouse.application.port.in.readiness.ReadinessReason;
import dev.gatehouse.application.port.in.readiness.Verdict;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The readiness page words each member's reason from its code and facts. */
class ReadinessPagesTest {
  private static final DeviceSelection CHOICE = new DeviceSelection(new DeviceId("DPFZRS9FB0D46QFTM891"), DuoMethod.PUSH);

  private static MemberReadiness member(PreauthAnswer preauth, Verdict verdict, ReadinessReason reason,
      Optional<SecondFactorProblem> problem, String report) {
    return new MemberReadiness(new UserName("bob"), new DuoUsername("bob"), preauth, List.of(), Optional.empty(), "",
        Optional.of(CHOICE), false, false, false, verdict, reason, problem, report);
  }

  @Test
  void aMemberNotCheckedReadsAsTheProblemClassAndTheGatewaysReport() {
    MemberReadiness bob = member(PreauthAnswer.ERROR, Verdict.NOT_CHECKED, ReadinessReason.NOT_CHECKED,
        Optional.of(SecondFactorProblem.RATE_LIMITED), "simulated RATE_LIMITED");

    assertThat(ReadinessPages.reason(bob))
        .isEqualTo("could not be checked: Duo is rate limiting requests. (simulated RATE_LIMITED)");
  }

  @Test
  void aDeviceNoLongerListedNamesTheChoice() {
    MemberReadiness bob = member(PreauthAnswer.AUTH, Verdict.CANNOT_GET_IN, ReadinessReason.DEVICE_NO_LONGER_LISTED,
        Optional.empty(), "");

    assertThat(ReadinessPages.reason(bob)).isEqualTo("the chosen device DPFZRS9FB0D46QFTM891 is no longer listed"
        + " by Duo for push: the member must choose again");
  }
}
