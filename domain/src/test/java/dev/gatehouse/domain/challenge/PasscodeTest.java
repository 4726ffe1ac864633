package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasscodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"1234", "123456", "9876543210", "ABCD1234", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void acceptsFourToSixtyFourLettersOrDigits(String value) {
    assertThat(new Passcode(value).reveal()).isEqualTo(value);
  }

  @Test
  void stripsSurroundingWhitespaceAsWhenTyped() {
    assertThat(new Passcode(" 123456\n").reveal()).isEqualTo("123456");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12a", "123 456", "123-456", "12345!", "١٢٣٤٥٦", "11111111111111111111111111111111111111111111111111111111111111111"})
  void refusesMalformedPasscodesWithoutEchoingThem(String value) {
    assertThatThrownBy(() -> new Passcode(value))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.field()).isEqualTo("passcode");
          assertThat(e.getMessage()).doesNotContain(value);
        });
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void refusesBlank(String value) {
    assertThatThrownBy(() -> new Passcode(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("passcode must not be blank");
  }

  @ParameterizedTest
  @MethodSource("randomPasscodes")
  void toStringNeverContainsThePasscode(String value) {
    assertThat(new Passcode(value).toString()).isEqualTo("Passcode[redacted]").doesNotContain(value);
  }

  static Stream<String> randomPasscodes() {
    Random random = new Random(6L);
    return IntStream.range(0, 200).mapToObj(i -> {
      StringBuilder s = new StringBuilder();
      int length = 6 + random.nextInt(10);
      for (int j = 0; j < length; j++) {
        s.append((char) ('0' + random.nextInt(10)));
      }
      return s.toString();
    });
  }

  @ParameterizedTest
  @MethodSource("randomMalformedPasscodes")
  void neverEchoesARandomMalformedPasscode(String value) {
    assertThatThrownBy(() -> new Passcode(value))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value.strip()));
  }

  static Stream<String> randomMalformedPasscodes() {
    Random random = new Random(66L);
    String symbols = "-+ /.,!#";
    return randomPasscodes().map(code -> {
      int at = 1 + random.nextInt(code.length() - 1);
      return code.substring(0, at) + symbols.charAt(random.nextInt(symbols.length())) + code.substring(at);
    });
  }

  @Test
  void passcodesWithTheSameDigitsAreEqual() {
    assertThat(new Passcode("123456")).isEqualTo(new Passcode(" 123456 ")).hasSameHashCodeAs(new Passcode("123456"));
  }

  @Test
  void passcodesWithDifferentDigitsDiffer() {
    assertThat(new Passcode("123456")).isNotEqualTo(new Passcode("123457"));
  }

  @Test
  void aPasscodeIsNotEqualToAPrefixOfItself() {
    assertThat(new Passcode("1234567")).isNotEqualTo(new Passcode("123456"));
  }
}
