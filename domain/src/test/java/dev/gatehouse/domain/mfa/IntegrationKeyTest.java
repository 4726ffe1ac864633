package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IntegrationKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"DIWJ8X6AEYOR5OMC6TQ1", "DI00000000000000000A", "ABCDEFGHIJKLMNOPQRST"})
  void acceptsTwentyUpperCaseLettersAndDigits(String value) {
    assertThat(new IntegrationKey(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({"diwj8x6aeyor5omc6tq1, DIWJ8X6AEYOR5OMC6TQ1", "'  DIWJ8X6AEYOR5OMC6TQ1 ', DIWJ8X6AEYOR5OMC6TQ1"})
  void normalisesToUpperCaseWithoutSurroundingSpace(String value, String normalised) {
    assertThat(new IntegrationKey(value).value()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "DIWJ8X6AEYOR5OMC6TQ", "DIWJ8X6AEYOR5OMC6TQ12", "DIWJ8X6AEYOR5OMC6T-1",
      "DIWJ8X6AEYOR 5OMC6TQ", "DIWJ8X6AEYOR5OMC6TQÄ"})
  void refusesAnythingButTwentyLettersAndDigits(String value) {
    assertThatThrownBy(() -> new IntegrationKey(value))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("integrationKey"));
  }

  @Test
  void toStringIsTheKeyBecauseItIsNotSecret() {
    assertThat(new IntegrationKey("DIWJ8X6AEYOR5OMC6TQ1")).hasToString("DIWJ8X6AEYOR5OMC6TQ1");
  }
}
