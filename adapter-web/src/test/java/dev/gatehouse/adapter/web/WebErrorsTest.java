package dev.gatehouse.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.challenge.BusyException;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.in.StepUpAction;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebErrorsTest {
  @Test
  void mapsEachFailureToItsStatusWithoutInternals() {
    assertThat(WebErrors.map(new WebCsrfException()).status()).isEqualTo(403);
    assertThat(WebErrors.map(new InvalidValueException("passcode", "must be digits")))
        .isEqualTo(new WebErrors.Problem(400, "Invalid passcode: must be digits."));
    assertThat(WebErrors.map(new SessionRequiredException("gone")).message()).startsWith("Open the workspace first");
    assertThat(WebErrors.map(new AccessDeniedException("administrators only")).message())
        .isEqualTo("You are not allowed to do this.");
    assertThat(WebErrors.map(new StepUpRequiredException(StepUpAction.REMOVE_MFA, Optional.empty(),
        Optional.of(new WorkspaceName("servers")), Duration.ofMinutes(5))))
        .isEqualTo(new WebErrors.Problem(403, "Removing MFA in workspace servers needs your own Duo approval from the"
        + " last 5 minutes: open workspace servers with Duo, then try again within 5 minutes."));
    assertThat(WebErrors.map(new NotFoundException("workspace x")).status()).isEqualTo(404);
    assertThat(WebErrors.map(new ConflictException("taken")).status()).isEqualTo(409);
    assertThat(WebErrors.map(new SecondFactorProblemException(SecondFactorProblem.UNAVAILABLE, "timeout")).status())
        .isEqualTo(503);
    assertThat(WebErrors.map(new StorageProblemException("down", new IllegalStateException())).status()).isEqualTo(503);
    WebErrors.Problem busy = WebErrors.map(new BusyException("this node is following 12000 pending Duo requests",
        Duration.ofSeconds(5)));
    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.message()).contains("nothing was sent").doesNotContain("12000");
    WebErrors.Problem unexpected = WebErrors.map(new CompletionException(new IllegalStateException("secret detail")));
    assertThat(unexpected.status()).isEqualTo(500);
    assertThat(unexpected.message()).doesNotContain("secret detail");
  }

  @ParameterizedTest
  @EnumSource(DenialCode.class)
  void saysEveryDenialInASentence(DenialCode code) {
    assertThat(WebText.denial(Denial.of(code))).endsWith(".");
    assertThat(WebText.denial(Denial.byDuo(code, StatusMessage.of("Duo said so")))).endsWith("Duo says: Duo said so");
  }

  @ParameterizedTest
  @EnumSource(EndCode.class)
  void headlinesHowGatehouseEndedAChallengeFromItsCodeAndShowsTheReportBehindIt(EndCode code) {
    ChallengeView view = new ChallengeView(new ChallengeId("abcdefghijklmnopqrstuv"), new WorkspaceName("prod"),
        ChallengePurpose.UNLOCK, new DeviceSelection(new DeviceId("DP1"), DuoMethod.SMS), code.state(),
        code.state() == ChallengeState.DENIED ? Optional.of(DenialReason.CANCELLED) : Optional.empty(),
        StatusMessage.of("cannot reach Duo at api-x"), Instant.EPOCH, 3, false, Optional.empty(),
        Optional.of(DuoMethod.SMS), Optional.of(code));
    WebChallenge challenge = WebChallenge.from(view);

    assertThat(challenge.headline()).isEqualTo(WebText.ended(code)).endsWith(".");
    assertThat(challenge.duoMessageShown()).contains("cannot reach Duo at api-x");
  }

  @Test
  void wordsAMissingStepUpAnywhere() {
    assertThat(WebErrors.map(new StepUpRequiredException(StepUpAction.CLEAR_SUSPENSION,
        Optional.of(new UserName("alice")), Optional.of(new WorkspaceName("prod")), Duration.ofMinutes(5))).message())
        .startsWith("Clearing the suspension of alice in workspace prod needs your own Duo approval");
    assertThat(WebErrors.map(new StepUpRequiredException(StepUpAction.ISSUE_API_TOKEN, Optional.empty(),
        Optional.empty(), Duration.ofMinutes(5))).message())
        .isEqualTo("Issuing an API token needs your own Duo approval from the last 5 minutes: open one of your"
            + " workspaces with Duo, then try again within 5 minutes.");
  }

  @ParameterizedTest
  @EnumSource(ChallengeState.class)
  void headlinesEveryChallengeState(ChallengeState state) {
    ChallengeView view = new ChallengeView(new ChallengeId("abcdefghijklmnopqrstuv"), new WorkspaceName("prod"),
        ChallengePurpose.UNLOCK, new DeviceSelection(new DeviceId("DP1"), DuoMethod.PUSH), state,
        state == ChallengeState.DENIED ? Optional.of(DenialReason.FRAUD) : Optional.empty(), StatusMessage.NONE,
        Instant.EPOCH, 3, false);
    WebChallenge challenge = WebChallenge.from(view);
    assertThat(challenge.headline()).isNotBlank();
    assertThat(challenge.next()).isEqualTo("/workspaces/prod/entries");
    if (state == ChallengeState.DENIED) {
      assertThat(challenge.headline()).contains("reported as fraud");
    }
  }

  @Test
  void everyExpectedOutcomeTheConsoleShowsIsMapped() {
    // The handlers end in "unmapped ..." for a case they do not know: these are the cases they know.
    assertThat(names(UnlockResult.class)).containsExactlyInAnyOrder("Granted", "Pending", "Denied");
    assertThat(names(ChooseDuoDeviceResult.class)).containsExactlyInAnyOrder("Verifying", "Denied");
    assertThat(names(DeviceListResult.class)).containsExactlyInAnyOrder("Devices", "Bypass", "Denied");
    assertThat(names(ConfigureDuoResult.class)).containsExactlyInAnyOrder("Configured", "CheckFailed");
    assertThat(names(DuoCheckResult.class)).containsExactlyInAnyOrder("Passed", "Failed");
    assertThat(DuoDevicePages.devices(new DeviceListResult.Bypass(StatusMessage.of("allow"))).bypass()).isPresent();
    assertThat(DuoDevicePages.devices(new DeviceListResult.Denied(Denial.of(DenialCode.DUO_DENIED))).denial())
        .isPresent();
  }

  private static List<String> names(Class<?> sealed) {
    return Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getSimpleName).toList();
  }
}
