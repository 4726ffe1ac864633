package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Log lines never carry passcodes, device tokens or activation codes. */
class DuoWireLoggerTest {

  @Test
  void redactsSecretsInFormBodies() {
    assertThat(DuoWireLogger.redact("factor=passcode&passcode=123456&username=alice"))
        .isEqualTo("factor=passcode&passcode=[redacted]&username=alice");
    assertThat(DuoWireLogger.redact("passcode=123456")).isEqualTo("passcode=[redacted]");
  }

  @Test
  void redactsSecretsInJsonBodies() {
    assertThat(DuoWireLogger.redact("{\"factor\":\"passcode\",\"passcode\":\"12\\\"3456\",\"username\":\"a\"}"))
        .isEqualTo("{\"factor\":\"passcode\",\"passcode\":\"[redacted]\",\"username\":\"a\"}");
    assertThat(DuoWireLogger.redact("{\"result\":\"allow\",\"trusted_device_token\":\"tok\"}"))
        .isEqualTo("{\"result\":\"allow\",\"trusted_device_token\":\"[redacted]\"}");
    assertThat(DuoWireLogger.redact("{\"activation_code\":\"duo://abc\",\"user_id\":\"DU1\"}"))
        .isEqualTo("{\"activation_code\":\"[redacted]\",\"user_id\":\"DU1\"}");
  }

  @Test
  void redactsVerifiedPushCodes() {
    assertThat(DuoWireLogger.redact("{\"result\":\"waiting\",\"status_msg\":"
        + "\"Please enter verification code 708 into Duo Mobile...\",\"verification_code\":\"708\"}"))
        .doesNotContain("708").contains("verification code [redacted] into Duo Mobile");
    assertThat(DuoWireLogger.redact("{\"verification_code\":708}")).doesNotContain("708");
  }
}
