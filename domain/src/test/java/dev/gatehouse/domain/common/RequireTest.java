package dev.gatehouse.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {

  @Test
  void notNullReturnsTheValue() {
    assertThat(Require.notNull("field", "x")).isEqualTo("x");
  }

  @Test
  void notNullRefusesNullNamingTheField() {
    assertThatThrownBy(() -> Require.notNull("field", null))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.field()).isEqualTo("field");
          assertThat(e.reason()).isEqualTo("is required");
          assertThat(e).hasMessage("field is required");
        });
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t", "\n", "  \r\n "})
  void notBlankRefusesNullEmptyAndWhitespace(String value) {
    assertThatThrownBy(() -> Require.notBlank("field", value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("field must not be blank");
  }

  @Test
  void notBlankReturnsTheValueUnchanged() {
    assertThat(Require.notBlank("field", " x ")).isEqualTo(" x ");
  }

  @Test
  void maxLengthAcceptsExactlyTheMaximum() {
    assertThat(Require.maxLength("field", "abc", 3)).isEqualTo("abc");
  }

  @Test
  void maxLengthRefusesOneMore() {
    assertThatThrownBy(() -> Require.maxLength("field", "abcd", 3))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("field must be at most 3 characters");
  }

  @Test
  void matchesNamesTheShapeButNotTheValue() {
    assertThatThrownBy(() -> Require.matches("field", "s3cr3t!", Pattern.compile("[a-z]+"), "letters"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("field must be letters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t!"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b", "line\n", "\ttab"})
  void noControlCharactersRefusesControlCharacters(String value) {
    assertThatThrownBy(() -> Require.noControlCharacters("field", value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("field must not contain control characters");
  }

  @Test
  void noControlCharactersAcceptsPrintableUnicode() {
    assertThat(Require.noControlCharacters("field", "Zürich – 東京 🙂")).isEqualTo("Zürich – 東京 🙂");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5})
  void intInRangeAcceptsBoundsInclusive(int value) {
    assertThat(Require.inRange("field", value, 1, 5)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, 0, 6, Integer.MAX_VALUE})
  void intInRangeRefusesValuesOutside(int value) {
    assertThatThrownBy(() -> Require.inRange("field", value, 1, 5))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("field must be between 1 and 5");
  }

  @ParameterizedTest
  @ValueSource(longs = {10, 11, 20})
  void durationInRangeAcceptsBoundsInclusive(long seconds) {
    Duration value = Duration.ofSeconds(seconds);
    assertThat(Require.inRange("field", value, Duration.ofSeconds(10), Duration.ofSeconds(20)))
        .isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 9, 21})
  void durationInRangeRefusesValuesOutside(long seconds) {
    assertThatThrownBy(() -> Require.inRange(
        "field", Duration.ofSeconds(seconds), Duration.ofSeconds(10), Duration.ofSeconds(20)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("field must be between 10 and 20 seconds");
  }

  @Test
  void durationInRangeRefusesNull() {
    assertThatThrownBy(() -> Require.inRange("field", null, Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("field is required");
  }

  @Test
  void invalidValueIsADomainException() {
    assertThat(new InvalidValueException("f", "r")).isInstanceOf(DomainException.class);
  }

  @Test
  void illegalTransitionNamesAggregateStateAndChange() {
    assertThat(new IllegalTransitionException("Challenge", "APPROVED", "deny"))
        .isInstanceOf(DomainException.class)
        .hasMessage("Challenge cannot deny when APPROVED");
  }

  @Test
  void countsUtf8BytesLikeTheEncoder() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      String value = random.ints(random.nextInt(40), 0, 0x10FFFF).filter(c -> c < 0xD800 || c > 0xDFFF)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      int bytes = value.getBytes(StandardCharsets.UTF_8).length;
      assertThat(Require.maxUtf8Bytes("f", value, bytes)).isEqualTo(value);
      if (bytes > 0) {
        assertThatThrownBy(() -> Require.maxUtf8Bytes("f", value, bytes - 1))
            .isInstanceOf(InvalidValueException.class).hasMessage("f must be at most " + (bytes - 1) + " bytes");
      }
    }
  }
}
