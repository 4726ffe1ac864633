package dev.gatehouse.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.StepUpAction;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CliTextTest {
  private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");

  @Test
  void wordsEveryRefusalCodeItsOwnWay() {
    List<String> words = Arrays.stream(DenialCode.values()).filter(code -> !code.name().startsWith("DUO_")
            || code == DenialCode.DUO_DENIED || code == DenialCode.DUO_BYPASS_USER)
        .map(code -> CliText.denial(Denial.of(code))).toList();

    assertThat(words).doesNotContain("").doesNotHaveDuplicates();
  }

  @Test
  void wordsARestrictionAsBeforeAndQuotesDuoAfterTheCodesWords() {
    assertThat(CliText.denial(Denial.restricted(DenialCode.SUSPENDED, Optional.empty())))
        .isEqualTo("Access is suspended after a fraud report; an administrator must clear it");
    assertThat(CliText.denial(Denial.byDuo(DenialCode.DUO_DENIED, StatusMessage.of("Your account is disabled"))))
        .isEqualTo("Duo denied access: Your account is disabled");
  }

  @ParameterizedTest
  @EnumSource(SecondFactorProblem.class)
  void wordsADuoProblemByItsClassWithTheGatewaysReport(SecondFactorProblem problem) {
    assertThat(CliText.denial(Denial.duoProblem(DenialCode.DUO_MISCONFIGURED, problem, "HTTP 401")))
        .isEqualTo(CliText.problem(problem) + ": HTTP 401");
  }

  @Test
  void wordsAWaitingChallengeDuoSaidNothingAbout() {
    assertThat(CliText.message(view(DuoMethod.PUSH, ChallengeState.PENDING, Optional.empty(), StatusMessage.NONE)))
        .isEqualTo("Pushed a login request to your device...");
    assertThat(CliText.message(view(DuoMethod.PHONE, ChallengeState.PENDING, Optional.empty(), StatusMessage.NONE)))
        .isEqualTo("Calling your phone...");
    assertThat(CliText.message(view(DuoMethod.PUSH, ChallengeState.PENDING, Optional.empty(),
        StatusMessage.of("Duo's own words")))).isEqualTo("Duo's own words");
  }

  @Test
  void wordsTheRestrictionThatDeniedAChallenge() {
    assertThat(CliText.message(view(DuoMethod.PUSH, ChallengeState.DENIED, Optional.of(DenialReason.SUSPENDED),
        StatusMessage.NONE))).startsWith("Access is suspended after a fraud report");
    assertThat(CliText.message(view(DuoMethod.PUSH, ChallengeState.DENIED, Optional.of(DenialReason.CANCELLED),
        StatusMessage.NONE))).isEmpty();
  }

  @Test
  void wordsHowGatehouseEndedAChallengeFromItsCode() {
    assertThat(CliText.message(ended(EndCode.SUPERSEDED, StatusMessage.NONE)))
        .isEqualTo("Superseded by a newer request");
    assertThat(CliText.message(ended(EndCode.EXPIRED, StatusMessage.NONE))).isEqualTo("The request expired");
    assertThat(CliText.message(ended(EndCode.DUO_UNAVAILABLE, StatusMessage.of("cannot reach Duo at api-x"))))
        .isEqualTo("Duo is unavailable: cannot reach Duo at api-x");
  }

  @Test
  void wordsADuoProblemByItsClassBeforeTheGatewaysReport() {
    assertThat(CliText.problem(new SecondFactorProblemException(SecondFactorProblem.CREDENTIALS_REJECTED,
        "Duo at api-x answered HTTP 401, code 40103")))
        .isEqualTo("Duo refused the workspace's credentials: Duo at api-x answered HTTP 401, code 40103");
    assertThat(CliText.problem(new SecondFactorProblemException(SecondFactorProblem.NOT_CONFIGURED,
        "workspace servers does not use Duo"))).isEqualTo("workspace servers does not use Duo");
  }

  @ParameterizedTest
  @EnumSource(EndCode.class)
  void wordsEveryEndCode(EndCode code) {
    assertThat(CliText.ended(code)).isNotBlank();
  }

  @Test
  void wordsAMissingStepUp() {
    assertThat(CliText.stepUpRequired(new StepUpRequiredException(StepUpAction.REMOVE_MFA, Optional.empty(),
        Optional.of(new WorkspaceName("servers")), Duration.ofMinutes(5))))
        .isEqualTo("removing MFA in workspace servers needs your own Duo approval from the last 5 minutes:"
            + " open workspace servers with Duo, then try again within 5 minutes");
    assertThat(CliText.stepUpRequired(new StepUpRequiredException(StepUpAction.ISSUE_API_TOKEN, Optional.empty(),
        Optional.empty(), Duration.ofMinutes(5))))
        .startsWith("issuing an API token needs your own Duo approval").contains("open one of your workspaces");
  }

  private static ChallengeView ended(EndCode code, StatusMessage message) {
    return new ChallengeView(new ChallengeId("AAAAAAAAAAAAAAAAAAAAAA"), new WorkspaceName("servers"),
        ChallengePurpose.UNLOCK, new DeviceSelection(CliHarness.PHONE.id(), DuoMethod.SMS), code.state(),
        code.state() == ChallengeState.DENIED ? Optional.of(DenialReason.CANCELLED) : Optional.empty(), message,
        NOW.plusSeconds(90), 5, false, Optional.empty(), Optional.of(DuoMethod.SMS), Optional.of(code));
  }

  private static ChallengeView view(DuoMethod method, ChallengeState state, Optional<DenialReason> reason,
      StatusMessage message) {
    return new ChallengeView(new ChallengeId("AAAAAAAAAAAAAAAAAAAAAA"), new WorkspaceName("servers"),
        ChallengePurpose.UNLOCK, new DeviceSelection(CliHarness.PHONE.id(), method), state, reason, message,
        NOW.plusSeconds(90), 5, false);
  }
}
