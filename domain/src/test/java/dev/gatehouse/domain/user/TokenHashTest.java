package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenHashTest {
  private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @ParameterizedTest
  @MethodSource("randomHashes")
  void acceptsSixtyFourLowerCaseHexDigits(String value) {
    assertThat(new TokenHash(value).value()).isEqualTo(value);
  }

  static Stream<String> randomHashes() {
    Random random = new Random(64L);
    return IntStream.range(0, 200).mapToObj(i -> {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    });
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"",
      "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a080",
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g",
      " 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})
  void refusesAnythingButSixtyFourLowerCaseHexDigits(String value) {
    assertThatThrownBy(() -> new TokenHash(value))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("tokenHash"));
  }

  @Test
  void equalHashesAreEqual() {
    assertThat(new TokenHash(HASH)).isEqualTo(new TokenHash(HASH));
  }
}
