package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DuoUsernameTest {

  @ParameterizedTest
  @ValueSource(strings = {"alice", "alice@example.com", "DOMAIN\\alice", "Alice Smith", "josé"})
  void acceptsWhatDuoAcceptsAsUsername(String value) {
    assertThat(new DuoUsername(value).value()).isEqualTo(value);
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(new DuoUsername("  alice  ").value()).isEqualTo("alice");
  }

  @Test
  void acceptsOneHundredCharacters() {
    assertThat(new DuoUsername("a".repeat(100)).value()).hasSize(100);
  }

  @Test
  void refusesOneHundredAndOneCharacters() {
    assertThatThrownBy(() -> new DuoUsername("a".repeat(101)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("duoUsername must be at most 100 characters");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void refusesBlank(String value) {
    assertThatThrownBy(() -> new DuoUsername(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("duoUsername must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ali\u0000ce", "ali\u001bce", "ali\nce", "ali\u007fce"})
  void refusesControlCharacters(String value) {
    assertThatThrownBy(() -> new DuoUsername(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("duoUsername must not contain control characters");
  }

  @Test
  void derivesFromTheGatehouseName() {
    assertThat(DuoUsername.of(new UserName("alice"))).isEqualTo(new DuoUsername("alice"));
  }

  @Test
  void toStringIsTheUsername() {
    assertThat(new DuoUsername("alice")).hasToString("alice");
  }
}
