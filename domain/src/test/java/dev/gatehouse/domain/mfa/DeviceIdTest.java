package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"DPFZRS9FB0D46QFTM891", "D", "phone1", "token_2", "DP-1"})
  void acceptsDuoDeviceIds(String value) {
    assertThat(new DeviceId(value).value()).isEqualTo(value);
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(new DeviceId(" DPFZRS9FB0D46QFTM891 ").value()).isEqualTo("DPFZRS9FB0D46QFTM891");
  }

  @Test
  void acceptsSixtyFourCharacters() {
    assertThat(new DeviceId("D".repeat(64)).value()).hasSize(64);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "DPFZ RS9F", "DP/1", "DP.1", "DP:1", "DP\u00001",
      "DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD"})
  void refusesAnythingElse(String value) {
    assertThatThrownBy(() -> new DeviceId(value))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("device"));
  }

  @Test
  void toStringIsTheId() {
    assertThat(new DeviceId("DPFZRS9FB0D46QFTM891")).hasToString("DPFZRS9FB0D46QFTM891");
  }
}
