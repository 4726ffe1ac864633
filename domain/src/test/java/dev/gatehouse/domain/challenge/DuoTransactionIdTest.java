package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DuoTransactionIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"45f7c92b-f45f-4862-8545-e0f58e78075a", "tx1", "TX:with.dots_and-dashes"})
  void acceptsWhatDuoReturnsAsTxid(String value) {
    assertThat(new DuoTransactionId(value).value()).isEqualTo(value);
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(new DuoTransactionId(" tx1\n").value()).isEqualTo("tx1");
  }

  @Test
  void acceptsOneHundredTwentyEightCharacters() {
    assertThat(new DuoTransactionId("t".repeat(128)).value()).hasSize(128);
  }

  @Test
  void refusesOneHundredTwentyNineCharacters() {
    assertThatThrownBy(() -> new DuoTransactionId("t".repeat(129)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("txid must be at most 128 characters");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void refusesBlank(String value) {
    assertThatThrownBy(() -> new DuoTransactionId(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("txid must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tx\u0000", "tx\u001b[0m1", "t\nx"})
  void refusesControlCharacters(String value) {
    assertThatThrownBy(() -> new DuoTransactionId(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("txid must not contain control characters");
  }
}
