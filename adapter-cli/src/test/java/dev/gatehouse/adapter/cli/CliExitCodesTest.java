package dev.gatehouse.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.contract.StorageFixtures;
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
import dev.gatehouse.application.port.in.DuoSummary;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.IllegalTransitionException;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expected outcome and every failure has an exit code and (unless it succeeded) one line to
 * print. The walk over {@code getPermittedSubclasses()} fails when the application adds a case
 * this adapter does not know yet.
 */
class CliExitCodesTest {
  private static final Instant T0 = StorageFixtures.T0;
  private static final WorkspaceName WORKSPACE = new WorkspaceName("servers");
  private static final Denial DENIAL = Denial.of(DenialCode.COOLDOWN);

  private static ChallengeView challenge(ChallengeState state, Optional<DenialReason> reason) {
    return new ChallengeView(new ChallengeId("aaaaaaaaaaaaaaaaaaaaaaaa"), WORKSPACE, ChallengePurpose.UNLOCK,
        StorageFixtures.push(), state, reason, StatusMessage.of("Duo says"), T0, 5, false);
  }

  /** One sample of every case of every sealed result the command line maps, by case. */
  private static final Map<Class<?>, Object> SAMPLES = samples();

  private static Map<Class<?>, Object> samples() {
    Map<Class<?>, Object> samples = new LinkedHashMap<>();
    ChallengeView approved = challenge(ChallengeState.APPROVED, Optional.empty());
    samples.put(UnlockResult.Granted.class, new UnlockResult.Granted(new SessionGrant(new SessionId("session-0001"), WORKSPACE,
        new SecretToken("abcdefghijklmnopqrstuvwxyz"), GrantKind.NO_MFA, T0)));
    samples.put(UnlockResult.Pending.class, new UnlockResult.Pending(approved));
    samples.put(UnlockResult.Denied.class, new UnlockResult.Denied(DENIAL));
    samples.put(ChooseDuoDeviceResult.Verifying.class, new ChooseDuoDeviceResult.Verifying(approved));
    samples.put(ChooseDuoDeviceResult.Denied.class, new ChooseDuoDeviceResult.Denied(DENIAL));
    DuoCheckResult.Failed failed = new DuoCheckResult.Failed(SecondFactorProblem.CREDENTIALS_REJECTED, "no");
    samples.put(ConfigureDuoResult.Configured.class, new ConfigureDuoResult.Configured(DuoSummary.from(
        new dev.gatehouse.domain.mfa.MfaPolicy.Duo(StorageFixtures.duoSettings(), Failmode.SECURE, MfaOptions.DEFAULTS))));
    samples.put(ConfigureDuoResult.CheckFailed.class, new ConfigureDuoResult.CheckFailed(failed));
    samples.put(DuoCheckResult.Passed.class, new DuoCheckResult.Passed());
    samples.put(DuoCheckResult.Failed.class, failed);
    samples.put(DeviceListResult.Devices.class, new DeviceListResult.Devices(List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), StatusMessage.NONE));
    samples.put(DeviceListResult.Bypass.class, new DeviceListResult.Bypass(StatusMessage.of("allow")));
    samples.put(DeviceListResult.Denied.class, new DeviceListResult.Denied(DENIAL));
    samples.put(ChallengeProgress.Finished.class, new ChallengeProgress.Finished(approved));
    samples.put(ChallengeProgress.Interrupted.class, new ChallengeProgress.Interrupted());
    samples.put(RevealEntryResult.Revealed.class, new RevealEntryResult.Revealed(new RevealedEntry(
        new dev.gatehouse.domain.entry.EntryName("db1"), Optional.empty(),
        dev.gatehouse.domain.entry.EntrySecret.password("s3cr3t-sample"))));
    samples.put(RevealEntryResult.StepUpRequired.class, new RevealEntryResult.StepUpRequired(
        challenge(ChallengeState.PENDING, Optional.empty())));
    samples.put(RevealEntryResult.Denied.class, new RevealEntryResult.Denied(DENIAL));
    return samples;
  }

  static Stream<Class<?>> sealedResults() {
    return Stream.of(UnlockResult.class, ChooseDuoDeviceResult.class, ConfigureDuoResult.class,
        DuoCheckResult.class, DeviceListResult.class, ChallengeProgress.Ending.class, RevealEntryResult.class);
  }

  @ParameterizedTest
  @MethodSource("sealedResults")
  void everyCaseOfEverySealedResultIsMapped(Class<?> sealed) {
    assertThat(sealed.isSealed()).isTrue();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      assertThat(SAMPLES).as("a sample of %s (add its mapping to CliExitCodes)", permitted.getName())
          .containsKey(permitted);
      CliExitCodes.Exit exit = exit(SAMPLES.get(permitted));
      assertThat(exit.code() == ExitCode.DONE || exit.code() == ExitCode.INTERRUPTED)
          .as("%s: a failure says why on one line", permitted.getSimpleName())
          .isEqualTo(exit.message().isEmpty());
    }
  }

  @Test
  void resultsMapToTheDocumentedCodes() {
    Map<Class<?>, ExitCode> expected = Map.ofEntries(
        Map.entry(UnlockResult.Granted.class, ExitCode.DONE),
        Map.entry(UnlockResult.Pending.class, ExitCode.DONE),
        Map.entry(UnlockResult.Denied.class, ExitCode.ACCESS_DENIED),
        Map.entry(ChooseDuoDeviceResult.Verifying.class, ExitCode.DONE),
        Map.entry(ChooseDuoDeviceResult.Denied.class, ExitCode.ACCESS_DENIED),
        Map.entry(ConfigureDuoResult.Configured.class, ExitCode.DONE),
        Map.entry(ConfigureDuoResult.CheckFailed.class, ExitCode.DUO_OR_CONFIGURATION),
        Map.entry(DuoCheckResult.Passed.class, ExitCode.DONE),
        Map.entry(DuoCheckResult.Failed.class, ExitCode.DUO_OR_CONFIGURATION),
        Map.entry(DeviceListResult.Devices.class, ExitCode.DONE),
        Map.entry(DeviceListResult.Bypass.class, ExitCode.DONE),
        Map.entry(DeviceListResult.Denied.class, ExitCode.ACCESS_DENIED),
        Map.entry(ChallengeProgress.Finished.class, ExitCode.DONE),
        Map.entry(ChallengeProgress.Interrupted.class, ExitCode.INTERRUPTED),
        // A step-up left waiting (the command gave up on it) reveals nothing.
        Map.entry(RevealEntryResult.Revealed.class, ExitCode.DONE),
        Map.entry(RevealEntryResult.StepUpRequired.class, ExitCode.ACCESS_DENIED),
        Map.entry(RevealEntryResult.Denied.class, ExitCode.ACCESS_DENIED));
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
    expected.forEach((type, code) ->
        assertThat(exit(SAMPLES.get(type)).code()).as(type.getSimpleName()).isEqualTo(code));
  }

  @ParameterizedTest
  @EnumSource(DenialCode.class)
  void everyDenialCodeIsAccessDeniedOrADuoProblem(DenialCode code) {
    ExitCode exit = CliExitCodes.forDenialCode(code);

    boolean duoProblem = code.name().startsWith("DUO_") && code != DenialCode.DUO_DENIED
        && code != DenialCode.DUO_BYPASS_USER;
    assertThat(exit).isEqualTo(duoProblem ? ExitCode.DUO_OR_CONFIGURATION
        : code == DenialCode.DEVICE_REQUIRED ? ExitCode.INVALID_INPUT : ExitCode.ACCESS_DENIED);
    assertThat(CliExitCodes.forDenial(Denial.of(code))
        .message()).isPresent().get().asString().isNotBlank();
  }

  @Test
  void choosingADeviceDuoDoesNotOfferIsInvalidInput() {
    assertThat(CliExitCodes.forChoice(new ChooseDuoDeviceResult.Denied(
        Denial.of(DenialCode.DEVICE_NOT_AVAILABLE))).code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(CliExitCodes.forUnlock(new UnlockResult.Denied(
        Denial.of(DenialCode.DEVICE_NOT_AVAILABLE))).code()).isEqualTo(ExitCode.ACCESS_DENIED);
  }

  @ParameterizedTest
  @EnumSource(SecondFactorProblem.class)
  void everySecondFactorProblemIsADuoOrConfigurationProblem(SecondFactorProblem problem) {
    assertThat(CliExitCodes.forProblem(problem)).isEqualTo(ExitCode.DUO_OR_CONFIGURATION);
  }

  @ParameterizedTest
  @EnumSource(ChallengeState.class)
  void everyChallengeStateHasACode(ChallengeState state) {
    Optional<DenialReason> reason = state == ChallengeState.DENIED ? Optional.of(DenialReason.DENIED) : Optional.empty();
    CliExitCodes.Exit exit = CliExitCodes.forChallenge(challenge(state, reason));

    ExitCode expected = switch (state) {
      case APPROVED -> ExitCode.DONE;
      case FAILED -> ExitCode.DUO_OR_CONFIGURATION;
      default -> ExitCode.ACCESS_DENIED;
    };
    assertThat(exit.code()).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(DenialReason.class)
  void everyDenialReasonReadsAsWords(DenialReason reason) {
    CliExitCodes.Exit exit = CliExitCodes.forChallenge(challenge(ChallengeState.DENIED, Optional.of(reason)));

    assertThat(exit.code()).isEqualTo(ExitCode.ACCESS_DENIED);
    assertThat(exit.message()).get().asString().endsWith(": Duo says").doesNotContain("_");
  }

  static Stream<Object[]> failures() {
    return Stream.of(
        new Object[] {new InvalidValueException("limit", "must be between 1 and 1000"), ExitCode.INVALID_INPUT},
        new Object[] {new IllegalTransitionException("Challenge", ChallengeState.DENIED, "approve"), ExitCode.INVALID_INPUT},
        new Object[] {new CliInputException("missing Duo secret key"), ExitCode.INVALID_INPUT},
        new Object[] {new NotFoundException("no workspace named x"), ExitCode.INVALID_INPUT},
        new Object[] {new ConflictException("taken"), ExitCode.INVALID_INPUT},
        new Object[] {new AccessDeniedException("bob is not an administrator"), ExitCode.ACCESS_DENIED},
        new Object[] {new SecondFactorProblemException(SecondFactorProblem.NOT_CONFIGURED, "no duo"), ExitCode.DUO_OR_CONFIGURATION},
        new Object[] {new StorageProblemException("storage failed", null), ExitCode.STORAGE},
        new Object[] {new BusyException("this node is following 12000 pending Duo requests", Duration.ofSeconds(5)),
            ExitCode.DUO_OR_CONFIGURATION},
        new Object[] {new CliSessionCache.Unwritable("permission denied in /x"), ExitCode.STORAGE},
        new Object[] {new IllegalStateException("bug"), ExitCode.DUO_OR_CONFIGURATION});
  }

  @ParameterizedTest
  @MethodSource("failures")
  void everyFailureHasACodeAndOneLine(RuntimeException failure, ExitCode expected) {
    CliExitCodes.Exit exit = CliExitCodes.forException(failure);

    assertThat(exit.code()).isEqualTo(expected);
    assertThat(exit.message()).get().asString().isNotBlank().doesNotContain("\n", "\r");
  }

  @Test
  void behindTheGateUnknownEntriesAndConflictsAreRefusals() {
    assertThat(CliExitCodes.forEntryFailure(new NotFoundException("no entry named x")).code())
        .isEqualTo(ExitCode.ACCESS_DENIED);
    assertThat(CliExitCodes.forEntryFailure(new ConflictException("changed meanwhile")))
        .isEqualTo(CliExitCodes.Exit.of(ExitCode.ACCESS_DENIED, "changed meanwhile"));
    assertThat(CliExitCodes.forEntryFailure(new CliInputException("bad")).code()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void anUnexpectedFailureNamesNoJavaClass() {
    CliExitCodes.Exit exit = CliExitCodes.forException(new IllegalStateException(
        "java.io.UncheckedIOException: java.nio.file.NoSuchFileException: /x/y gone (IllegalArgumentException)"));

    assertThat(exit.code()).isEqualTo(ExitCode.DUO_OR_CONFIGURATION);
    assertThat(exit.message()).contains("unexpected problem: /x/y gone ()");
  }

  @Test
  void messagesAreForcedOntoOneBoundedPrintableLine() {
    String message = CliExitCodes.forException(new ConflictException("two\nlines\u001b[31m" + "x".repeat(2000)))
        .message().orElseThrow();

    assertThat(message).doesNotContain("\n", "\u001b").startsWith("two lines [31m").hasSizeLessThanOrEqualTo(600);
  }

  @Test
  void theDocumentedExitCodesAreTheOnesScriptsRelyOn() {
    assertThat(Arrays.stream(ExitCode.values()).mapToInt(ExitCode::value)).containsExactly(0, 1, 2, 3, 4, 130);
  }

  /** The exit of any sample, by the mapping for its result type. */
  private static CliExitCodes.Exit exit(Object result) {
    if (result instanceof UnlockResult unlock) {
      return CliExitCodes.forUnlock(unlock);
    }
    if (result instanceof ChooseDuoDeviceResult choice) {
      return CliExitCodes.forChoice(choice);
    }
    if (result instanceof ConfigureDuoResult configure) {
      return CliExitCodes.forConfigure(configure);
    }
    if (result instanceof DuoCheckResult check) {
      return CliExitCodes.forCheck(check);
    }
    if (result instanceof DeviceListResult devices) {
      return CliExitCodes.forDevices(devices);
    }
    if (result instanceof ChallengeView challenge) {
      return CliExitCodes.forChallenge(challenge);
    }
    if (result instanceof ChallengeProgress.Ending ending) {
      return CliExitCodes.forEnding(ending);
    }
    if (result instanceof RevealEntryResult reveal) {
      return CliExitCodes.forReveal(reveal);
    }
    throw new IllegalArgumentException("no exit code for " + result.getClass().getName());
  }
}
