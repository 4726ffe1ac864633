package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserNameTest {
  private static final String FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String REST = FIRST + "._@-";

  @ParameterizedTest
  @ValueSource(strings = {"a", "z", "7", "alice", "alice.smith", "a_b-c", "alice@example.com",
      "0.0", "b@"})
  void acceptsNamesOfLettersDigitsAndPunctuation(String value) {
    assertThat(new UserName(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Alice", "ALICE", "aLiCe", " Alice "})
  void canonicalizesToLowerCase(String value) {
    assertThat(new UserName(value).value()).isEqualTo("alice");
  }

  @Test
  void lowerCasesWithoutTheDefaultLocalesRules() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr"));
    try {
      // Turkish lower-cases I to a dotless i, which is no name character; Locale.ROOT keeps it ASCII.
      assertThat(new UserName("IVAN").value()).isEqualTo("ivan");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void acceptsSixtyFourCharacters() {
    String value = "a".repeat(64);
    assertThat(new UserName(value).value()).isEqualTo(value);
  }

  @Test
  void refusesSixtyFiveCharacters() {
    assertThatThrownBy(() -> new UserName("a".repeat(65))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(new UserName("  alice \t").value()).isEqualTo("alice");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", ".alice", "_alice", "-alice", "@alice", "al ice", "al/ice",
      "al\\ice", "al:ice", "al\u0000ice", "al\nice", "älice", "alice!", "a+b"})
  void refusesMalformedNames(String value) {
    assertThatThrownBy(() -> new UserName(value))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("userName"));
  }

  @ParameterizedTest
  @MethodSource("randomValidNames")
  void acceptsRandomWellFormedNamesInLowerCase(String value) {
    assertThat(new UserName(value).value()).isEqualTo(value.toLowerCase(Locale.ROOT));
  }

  @ParameterizedTest
  @MethodSource("randomValidNames")
  void readsStoredNamesBackAsTheSameName(String value) {
    UserName name = new UserName(value);
    assertThat(UserName.trusted(name.value())).isEqualTo(name);
  }

  static Stream<String> randomValidNames() {
    Random random = new Random(20240601L);
    return IntStream.range(0, 200).mapToObj(i -> {
      int length = 1 + random.nextInt(64);
      StringBuilder s = new StringBuilder().append(FIRST.charAt(random.nextInt(FIRST.length())));
      for (int j = 1; j < length; j++) {
        s.append(REST.charAt(random.nextInt(REST.length())));
      }
      return s.toString();
    });
  }

  @Test
  void toStringIsTheName() {
    assertThat(new UserName("alice")).hasToString("alice");
  }

  @Test
  void equalNamesAreEqual() {
    assertThat(new UserName(" alice ")).isEqualTo(new UserName("alice"))
        .hasSameHashCodeAs(new UserName("alice"));
  }

  @Test
  void namesCompareCaseInsensitively() {
    assertThat(new UserName("Alice")).isEqualTo(new UserName("alice"))
        .hasSameHashCodeAs(new UserName("ALICE")).isEqualByComparingTo(new UserName("aLICE"));
  }

  @Test
  void trustedStillRefusesWhatCannotBeAName() {
    assertThatThrownBy(() -> UserName.trusted("al ice")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void ordersByValue() {
    assertThat(new UserName("alice")).isLessThan(new UserName("bob"));
  }
}
