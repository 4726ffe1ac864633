package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusMessageTest {

  @Test
  void keepsDuosMessageAsItIs() {
    assertThat(StatusMessage.of("Pushed a login request to your device...").value())
        .isEqualTo("Pushed a login request to your device...");
  }

  @Test
  void nullBecomesEmpty() {
    assertThat(StatusMessage.of(null)).isEqualTo(StatusMessage.NONE);
  }

  @Test
  void noneIsEmpty() {
    assertThat(StatusMessage.NONE.isEmpty()).isTrue();
  }

  @Test
  void aMessageWithTextIsNotEmpty() {
    assertThat(StatusMessage.of("Success. Logging you in...").isEmpty()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("messagesWithControlCharacters")
  void replacesControlCharactersWithSpaces(String raw, String safe) {
    assertThat(StatusMessage.of(raw).value()).isEqualTo(safe);
  }

  static Stream<Arguments> messagesWithControlCharacters() {
    return Stream.of(
        Arguments.of("Login\u001b[2J denied", "Login [2J denied"),
        Arguments.of("line one\nline two", "line one line two"),
        Arguments.of("bell\u0007!", "bell !"),
        Arguments.of("c1\u009bcontrol", "c1 control"),
        Arguments.of("del\u007fete", "del ete"),
        Arguments.of("\u0000\u0001leading", "leading"),
        Arguments.of("trailing\r\n", "trailing"));
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(StatusMessage.of("  Success  ").value()).isEqualTo("Success");
  }

  @Test
  void keepsAMessageOfMaximumLength() {
    String text = "m".repeat(StatusMessage.MAX_LENGTH);
    assertThat(StatusMessage.of(text).value()).isEqualTo(text);
  }

  @Test
  void truncatesALongerMessageToMaximumLength() {
    assertThat(StatusMessage.of("m".repeat(10_000)).value()).hasSize(StatusMessage.MAX_LENGTH);
  }

  @Test
  void neverSplitsACharacterOutsideTheBasicPlane() {
    String value = StatusMessage.of("🙂".repeat(StatusMessage.MAX_LENGTH + 1)).value();

    assertThat(value.codePointCount(0, value.length())).isEqualTo(StatusMessage.MAX_LENGTH);
    assertThat(Character.isHighSurrogate(value.charAt(value.length() - 1))).isFalse();
  }

  @Test
  void sanitisingIsIdempotent() {
    StatusMessage once = StatusMessage.of(" a\u001bb\nc ");

    assertThat(StatusMessage.of(once.value())).isEqualTo(once);
  }

  @Test
  void toStringIsTheMessage() {
    assertThat(StatusMessage.of("Success")).hasToString("Success");
  }

  @ParameterizedTest
  @MethodSource("randomHostileMessages")
  void anyMessageIsSafeToPrint(String raw) {
    String value = StatusMessage.of(raw).value();

    assertThat(value.codePoints()).noneMatch(Character::isISOControl);
    assertThat(value.codePointCount(0, value.length())).isLessThanOrEqualTo(StatusMessage.MAX_LENGTH);
    assertThat(value).isEqualTo(value.strip());
  }

  @ParameterizedTest
  @MethodSource("randomHostileMessages")
  void printableCharactersSurviveInOrder(String raw) {
    String expected = raw.codePoints().limit(StatusMessage.MAX_LENGTH)
        .filter(c -> !Character.isISOControl(c) && !Character.isWhitespace(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    String actual = StatusMessage.of(raw).value().codePoints()
        .filter(c -> !Character.isWhitespace(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    assertThat(actual).isEqualTo(expected);
  }

  static Stream<String> randomHostileMessages() {
    Random random = new Random(512L);
    int[] printable = "Approved denied Zürich 東京 🙂 0123456789 .,;:!?".codePoints().toArray();
    return IntStream.range(0, 200).mapToObj(i -> {
      int length = random.nextInt(1200);
      StringBuilder s = new StringBuilder();
      for (int j = 0; j < length; j++) {
        if (random.nextInt(5) == 0) {
          // C0 controls, DEL and C1 controls
          int control = random.nextBoolean() ? random.nextInt(0x20) : 0x7f + random.nextInt(0x21);
          s.appendCodePoint(control);
        } else {
          s.appendCodePoint(printable[random.nextInt(printable.length)]);
        }
      }
      return s.toString();
    });
  }
}
