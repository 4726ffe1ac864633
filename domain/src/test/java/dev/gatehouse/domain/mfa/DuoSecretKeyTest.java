package dev.gatehouse.domain.mfa;

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

class DuoSecretKeyTest {
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String KEY = "Zh5678901234567890123456789012345678901a";

  @Test
  void revealsTheKeyToTheAdapterThatSignsWithIt() {
    assertThat(new DuoSecretKey(KEY).reveal()).isEqualTo(KEY);
  }

  @Test
  void stripsSurroundingWhitespaceAsWhenPasted() {
    assertThat(new DuoSecretKey("  " + KEY + "\n").reveal()).isEqualTo(KEY);
  }

  @ParameterizedTest
  @MethodSource("randomKeys")
  void acceptsFortyLettersAndDigits(String value) {
    assertThat(new DuoSecretKey(value).reveal()).isEqualTo(value);
  }

  static Stream<String> randomKeys() {
    Random random = new Random(40L);
    return IntStream.range(0, 200).mapToObj(i -> randomKey(random, 40));
  }

  @ParameterizedTest
  @MethodSource("randomKeys")
  void toStringNeverContainsTheKey(String value) {
    assertThat(new DuoSecretKey(value).toString()).isEqualTo("DuoSecretKey[redacted]").doesNotContain(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zh567890123456789012345678901234567890a",
      "Zh56789012345678901234567890123456789012a",
      "Zh5678901234567890123456789012345678901-",
      "Zh567890123456789012 45678901234567890a1",
      "Zh5678901234567890123456789012345678901ä"})
  void refusesMalformedKeysWithoutEchoingThem(String value) {
    assertThatThrownBy(() -> new DuoSecretKey(value))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.field()).isEqualTo("secretKey");
          assertThat(e.getMessage()).doesNotContain(value).doesNotContain(value.substring(0, 8));
        });
  }

  @ParameterizedTest
  @MethodSource("randomMalformedKeys")
  void neverEchoesARandomMalformedKey(String value) {
    assertThatThrownBy(() -> new DuoSecretKey(value))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value.strip()));
  }

  static Stream<String> randomMalformedKeys() {
    Random random = new Random(41L);
    return IntStream.range(0, 200).mapToObj(i -> {
      int length = random.nextInt(3) == 0 ? 40 : 8 + random.nextInt(60);
      String key = randomKey(random, length);
      if (length == 40 || random.nextBoolean()) {
        int at = random.nextInt(key.length());
        key = key.substring(0, at) + "+/=-_!".charAt(random.nextInt(6)) + key.substring(at + 1);
      }
      return key;
    }).filter(key -> !key.matches("[A-Za-z0-9]{40}"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n"})
  void refusesBlank(String value) {
    assertThatThrownBy(() -> new DuoSecretKey(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("secretKey must not be blank");
  }

  @Test
  void keysWithTheSameValueAreEqual() {
    assertThat(new DuoSecretKey(KEY)).isEqualTo(new DuoSecretKey(" " + KEY))
        .hasSameHashCodeAs(new DuoSecretKey(KEY));
  }

  @Test
  void keysWithDifferentValuesDiffer() {
    assertThat(new DuoSecretKey(KEY)).isNotEqualTo(new DuoSecretKey(KEY.replace('Z', 'Y')));
  }

  @Test
  void isNotEqualToNull() {
    assertThat(new DuoSecretKey(KEY).equals(null)).isFalse();
  }

  @Test
  void keysAreCaseSensitive() {
    assertThat(new DuoSecretKey(KEY)).isNotEqualTo(new DuoSecretKey(KEY.toUpperCase()));
  }

  private static String randomKey(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return s.toString();
  }
}
