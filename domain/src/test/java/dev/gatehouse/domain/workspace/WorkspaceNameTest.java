package dev.gatehouse.domain.workspace;

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

class WorkspaceNameTest {
  private static final String FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String REST = FIRST + "._-";

  @ParameterizedTest
  @ValueSource(strings = {"a", "9", "prod", "Prod-Servers", "team_a.db", "2025.q1"})
  void acceptsLettersDigitsDotUnderscoreAndDash(String value) {
    assertThat(new WorkspaceName(value).value()).isEqualTo(value);
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(new WorkspaceName(" prod\n").value()).isEqualTo("prod");
  }

  @Test
  void acceptsSixtyFourCharacters() {
    assertThat(new WorkspaceName("w".repeat(64)).value()).hasSize(64);
  }

  @Test
  void refusesSixtyFiveCharacters() {
    assertThatThrownBy(() -> new WorkspaceName("w".repeat(65))).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", ".hidden", "-dash", "_under", "two words", "a/b", "a@b", "a:b",
      "prod\u0000", "prod\u001b[31m", "é"})
  void refusesMalformedNames(String value) {
    assertThatThrownBy(() -> new WorkspaceName(value))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("workspaceName"));
  }

  @ParameterizedTest
  @MethodSource("randomNames")
  void acceptsRandomWellFormedNames(String value) {
    assertThat(new WorkspaceName(value)).hasToString(value);
  }

  static Stream<String> randomNames() {
    Random random = new Random(4242L);
    return IntStream.range(0, 200).mapToObj(i -> {
      int length = 1 + random.nextInt(64);
      StringBuilder s = new StringBuilder().append(FIRST.charAt(random.nextInt(FIRST.length())));
      for (int j = 1; j < length; j++) {
        s.append(REST.charAt(random.nextInt(REST.length())));
      }
      return s.toString();
    });
  }

  @ParameterizedTest
  @MethodSource("randomNamesWithAForbiddenCharacter")
  void refusesRandomNamesWithAForbiddenCharacter(String value) {
    assertThatThrownBy(() -> new WorkspaceName(value)).isInstanceOf(InvalidValueException.class);
  }

  static Stream<String> randomNamesWithAForbiddenCharacter() {
    String forbidden = "!\"#$%&'()*+,/:;<=>?@[\\]^`{|}~ü\u0001";
    Random random = new Random(17L);
    return IntStream.range(0, 200).mapToObj(i -> {
      StringBuilder s = new StringBuilder().append(FIRST.charAt(random.nextInt(FIRST.length())));
      int length = random.nextInt(62);
      for (int j = 0; j < length; j++) {
        s.append(REST.charAt(random.nextInt(REST.length())));
      }
      s.insert(1 + random.nextInt(s.length()), forbidden.charAt(random.nextInt(forbidden.length())));
      return s.toString();
    });
  }

}
