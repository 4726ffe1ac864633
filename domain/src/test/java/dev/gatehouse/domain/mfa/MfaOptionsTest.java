package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MfaOptionsTest {
  private static final Duration SESSION = Duration.ofHours(8);
  private static final Duration CHALLENGE = Duration.ofSeconds(90);
  private static final Duration COOLDOWN = Duration.ofSeconds(30);

  @Test
  void defaultsMatchTheProductBrief() {
    assertThat(MfaOptions.DEFAULTS).isEqualTo(new MfaOptions(
        Duration.ofHours(8), Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ZERO));
  }

  @Test
  void defaultsAskDuoAtEveryOpen() {
    assertThat(MfaOptions.DEFAULTS.remembers()).isFalse();
  }

  @Test
  void aRememberWindowRemembers() {
    assertThat(new MfaOptions(SESSION, CHALLENGE, COOLDOWN, Duration.ofMinutes(5)).remembers()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT1M", "PT8H", "P7D"})
  void acceptsSessionLifetimesFromOneMinuteToSevenDays(String value) {
    Duration lifetime = Duration.parse(value);
    assertThat(new MfaOptions(lifetime, CHALLENGE, COOLDOWN, Duration.ZERO).sessionLifetime()).isEqualTo(lifetime);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT59S", "P7DT1S", "-PT1H"})
  void refusesSessionLifetimesOutsideOneMinuteToSevenDays(String value) {
    assertThatThrownBy(() -> new MfaOptions(Duration.parse(value), CHALLENGE, COOLDOWN, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("sessionLifetime"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT30S", "PT90S", "PT15M"})
  void acceptsChallengeLifetimesFromThirtySecondsToFifteenMinutes(String value) {
    Duration lifetime = Duration.parse(value);
    assertThat(new MfaOptions(SESSION, lifetime, COOLDOWN, Duration.ZERO).challengeLifetime()).isEqualTo(lifetime);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT29S", "PT15M1S"})
  void refusesChallengeLifetimesOutsideThirtySecondsToFifteenMinutes(String value) {
    assertThatThrownBy(() -> new MfaOptions(SESSION, Duration.parse(value), COOLDOWN, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("challengeLifetime"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT30S", "PT1H"})
  void acceptsPushCooldownsFromZeroToOneHour(String value) {
    Duration cooldown = Duration.parse(value);
    assertThat(new MfaOptions(SESSION, CHALLENGE, cooldown, Duration.ZERO).pushCooldown()).isEqualTo(cooldown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-PT1S", "PT1H0.001S"})
  void refusesPushCooldownsOutsideZeroToOneHour(String value) {
    assertThatThrownBy(() -> new MfaOptions(SESSION, CHALLENGE, Duration.parse(value), Duration.ZERO))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("pushCooldown"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT15M", "P1D"})
  void acceptsRememberWindowsFromZeroToOneDay(String value) {
    Duration remember = Duration.parse(value);
    assertThat(new MfaOptions(SESSION, CHALLENGE, COOLDOWN, remember).rememberFor()).isEqualTo(remember);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-PT1S", "P1DT1S", "P30D"})
  void refusesRememberWindowsOutsideZeroToOneDay(String value) {
    assertThatThrownBy(() -> new MfaOptions(SESSION, CHALLENGE, COOLDOWN, Duration.parse(value)))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("rememberFor"));
  }

  @Test
  void refusesAMissingDuration() {
    assertThatThrownBy(() -> new MfaOptions(SESSION, null, COOLDOWN, Duration.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("challengeLifetime is required");
  }
}
