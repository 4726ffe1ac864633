package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChallengeIdTest {

  @ParameterizedTest
  @MethodSource("randomIdsOf128BitsOrMore")
  void acceptsBase64UrlIdsOfAtLeast128Bits(String value) {
    assertThat(new ChallengeId(value).value()).isEqualTo(value);
  }

  static Stream<String> randomIdsOf128BitsOrMore() {
    Random random = new Random(128L);
    return IntStream.range(0, 200).mapToObj(i -> {
      byte[] bytes = new byte[16 + random.nextInt(33)]; // 16..48 bytes -> 22..64 characters
      random.nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    });
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"abcdefghijklmnopqrstu", "abcdefghijklmnopqrstuv=", "abcdefghijk+mnopqrstuv",
      "abcdefghijk/mnopqrstuv", " abcdefghijklmnopqrstuv", "abcdefghijk mnopqrstuv",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void refusesShortOrMalformedIds(String value) {
    assertThatThrownBy(() -> new ChallengeId(value))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("challengeId"));
  }

  @Test
  void toStringIsTheId() {
    assertThat(new ChallengeId("abcdefghijklmnopqrstuv")).hasToString("abcdefghijklmnopqrstuv");
  }
}
