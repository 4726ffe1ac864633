package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenialReasonTest {

  @ParameterizedTest
  @CsvSource({"DENIED, denied", "FRAUD, fraud", "TIMEOUT, timeout", "LOCKED_OUT, locked_out",
      "SUSPENDED, suspended", "TOO_MANY_PASSCODES, too_many_passcodes", "CANCELLED, cancelled"})
  void usesTheProductsWireNames(DenialReason reason, String wireName) {
    assertThat(reason.wireName()).isEqualTo(wireName);
  }
}
