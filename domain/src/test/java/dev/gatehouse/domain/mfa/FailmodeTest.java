package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FailmodeTest {

  @ParameterizedTest
  @CsvSource({"secure, SECURE", "safe, SAFE", "SECURE, SECURE", "Safe, SAFE", "' safe ', SAFE"})
  void parsesWireNamesIgnoringCaseAndSpace(String text, Failmode expected) {
    assertThat(Failmode.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Failmode.class)
  void parsesItsOwnWireName(Failmode mode) {
    assertThat(Failmode.parse(mode.wireName())).isEqualTo(mode);
  }

  @ParameterizedTest
  @CsvSource({"SECURE, secure", "SAFE, safe"})
  void wireNameIsLowerCase(Failmode mode, String wireName) {
    assertThat(mode.wireName()).isEqualTo(wireName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"open", "closed", "secured", "fail-safe", "s"})
  void refusesUnknownModes(String text) {
    assertThatThrownBy(() -> Failmode.parse(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("failmode must be secure or safe");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void refusesBlank(String text) {
    assertThatThrownBy(() -> Failmode.parse(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("failmode must not be blank");
  }
}
