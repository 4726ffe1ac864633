package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTokenTest {
  private static final String URL_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final String TOKEN = "Gq3vT9xK2mP8wL5nR7yB1cZ4";

  @ParameterizedTest
  @MethodSource("randomTokens")
  void acceptsTwentyTwoToOneHundredTwentyEightUrlSafeCharacters(String value) {
    assertThat(new SecretToken(value).reveal()).isEqualTo(value);
  }

  static Stream<String> randomTokens() {
    Random random = new Random(7L);
    return IntStream.range(0, 200).mapToObj(i -> randomToken(random, 22 + random.nextInt(107)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"shortTokenOf21Chars__",
      "has space in it 0123456789",
      "has+plus/slash=padding0123",
      "trailing-newline-0123456789\n",
      " leading-space-0123456789ab",
      "ümlaut-0123456789abcdefghij"})
  void refusesMalformedTokensWithoutEchoingThem(String value) {
    assertThatThrownBy(() -> new SecretToken(value))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.field()).isEqualTo("token");
          assertThat(e.getMessage()).doesNotContain(value.strip());
        });
  }

  @Test
  void refusesOneHundredTwentyNineCharactersWithoutEchoingThem() {
    String value = randomToken(new Random(1L), 129);
    assertThatThrownBy(() -> new SecretToken(value))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> new SecretToken(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("token is required");
  }

  @Test
  void toStringIsRedacted() {
    assertThat(new SecretToken(TOKEN)).hasToString("SecretToken[redacted]");
  }

  @ParameterizedTest
  @MethodSource("randomTokens")
  void toStringNeverContainsTheToken(String value) {
    assertThat(new SecretToken(value).toString()).doesNotContain(value);
  }

  @Test
  void tokensWithTheSameValueAreEqual() {
    assertThat(new SecretToken(TOKEN)).isEqualTo(new SecretToken(TOKEN))
        .hasSameHashCodeAs(new SecretToken(TOKEN));
  }

  @Test
  void tokensWithDifferentValuesDiffer() {
    assertThat(new SecretToken(TOKEN)).isNotEqualTo(new SecretToken(TOKEN + "x"));
  }

  @Test
  void tokensDifferingInOneCharacterDiffer() {
    assertThat(new SecretToken(TOKEN)).isNotEqualTo(new SecretToken(TOKEN.replace('G', 'H')));
  }

  @Test
  void aTokenIsNeverEqualToAnotherKindOfSecretWithTheSameValue() {
    assertThat((Object) new SecretToken(TOKEN)).isNotEqualTo(new Passcode(TOKEN));
  }

  @ParameterizedTest
  @MethodSource("randomPairs")
  void equalityFollowsTheValue(String a, String b) {
    assertThat(new SecretToken(a).equals(new SecretToken(b))).isEqualTo(a.equals(b));
  }

  static Stream<Arguments> randomPairs() {
    Random random = new Random(99L);
    return IntStream.range(0, 200).mapToObj(i -> {
      String a = randomToken(random, 22 + random.nextInt(10));
      String b = random.nextInt(4) == 0 ? a : a.substring(0, a.length() - 1)
          + URL_SAFE.charAt(random.nextInt(URL_SAFE.length()));
      return Arguments.of(a, b);
    });
  }

  private static String randomToken(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(URL_SAFE.charAt(random.nextInt(URL_SAFE.length())));
    }
    return s.toString();
  }
}
