package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DuoMethodTest {

  @ParameterizedTest
  @CsvSource({"push, PUSH", "sms, SMS", "phone, PHONE", "passcode, PASSCODE", "PUSH, PUSH",
      "Sms, SMS", "' phone ', PHONE"})
  void parsesWireNamesIgnoringCaseAndSpace(String text, DuoMethod expected) {
    assertThat(DuoMethod.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(DuoMethod.class)
  void parsesItsOwnWireName(DuoMethod method) {
    assertThat(DuoMethod.parse(method.wireName())).isEqualTo(method);
  }

  @ParameterizedTest
  @CsvSource({"PUSH, push", "SMS, sms", "PHONE, phone", "PASSCODE, passcode"})
  void wireNameIsWhatDuoExpects(DuoMethod method, String wireName) {
    assertThat(method.wireName()).isEqualTo(wireName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "call", "totp", "u2f", "webauthn", "push1", "p"})
  void refusesUnknownMethods(String text) {
    assertThatThrownBy(() -> DuoMethod.parse(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("method must be one of push, sms, phone, passcode");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" "})
  void refusesBlank(String text) {
    assertThatThrownBy(() -> DuoMethod.parse(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("method must not be blank");
  }

  @ParameterizedTest
  @CsvSource({"PUSH, true", "PHONE, true", "SMS, false", "PASSCODE, false"})
  void onlyPushAndPhoneWaitOnDuo(DuoMethod method, boolean outOfBand) {
    assertThat(method.isOutOfBand()).isEqualTo(outOfBand);
  }

  @ParameterizedTest
  @CsvSource({"PUSH, true", "PHONE, true", "SMS, true", "PASSCODE, false"})
  void pushPhoneAndSmsSendSomethingToTheDevice(DuoMethod method, boolean sends) {
    assertThat(method.sendsToDevice()).isEqualTo(sends);
  }
}
