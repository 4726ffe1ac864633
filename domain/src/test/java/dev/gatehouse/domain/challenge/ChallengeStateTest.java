package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChallengeStateTest {

  @ParameterizedTest
  @CsvSource({"PENDING, false", "AWAITING_PASSCODE, false", "APPROVED, true", "DENIED, true",
      "EXPIRED, true", "FAILED, true"})
  void onlyOutcomesAreFinal(ChallengeState state, boolean isFinal) {
    assertThat(state.isFinal()).isEqualTo(isFinal);
  }
}
