package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Duo's preauth and auth answers read as Gatehouse's outcomes (duo-auth-api.md §2.6–2.8, §9.7). */
class DuoResponseMappingTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static DuoPreauthResponse preauth(String json) throws Exception {
    return MAPPER.readValue(json, DuoPreauthResponse.class);
  }

  private static DuoAuthResponse auth(String json) throws Exception {
    return MAPPER.readValue(json, DuoAuthResponse.class);
  }

  @Test
  void readsDuosRealPreauthExampleWithDevicesAndCapabilities() throws Exception {
    PreauthOutcome outcome = preauth("""
        {"result":"auth","status_msg":"Account is active","devices":[
         {"capabilities":["auto","push","mobile_otp"],"device":"DPUVFU8PQY7KB3W4R2NQ","display_name":"iOS","name":"","number":"","type":"phone"},
         {"capabilities":["auto","push","sms","phone","mobile_otp","webauthn"],"device":"DP80Z4GVU82OT8O1BNJF","display_name":"Marx iPhone 13_new (XXX-XXX-4788)","name":"Marx iPhone 13_new","number":"XXX-XXX-4788","sms_nextcode":"1","type":"phone"},
         {"device":"DHQOEFH4Q6KMAFU7Q8V4","name":"20361492","type":"token"}]}""").toDomain();

    assertThat(outcome).isEqualTo(new PreauthOutcome.Authenticate(java.util.List.of(
        new DuoDevice(new DeviceId("DPUVFU8PQY7KB3W4R2NQ"), "phone", "iOS",
            Set.of(DeviceCapability.AUTO, DeviceCapability.PUSH, DeviceCapability.MOBILE_OTP)),
        new DuoDevice(new DeviceId("DP80Z4GVU82OT8O1BNJF"), "phone", "Marx iPhone 13_new (XXX-XXX-4788)",
            Set.of(DeviceCapability.values())),
        new DuoDevice(new DeviceId("DHQOEFH4Q6KMAFU7Q8V4"), "token", "20361492", Set.of())),
        StatusMessage.of("Account is active")));
    PreauthOutcome.Authenticate authenticate = (PreauthOutcome.Authenticate) outcome;
    assertThat(authenticate.devices().get(2).supports(DuoMethod.PASSCODE)).isTrue();
  }

  @Test
  void skipsDevicesWhoseIdGatehouseCannotUse() throws Exception {
    PreauthOutcome outcome = preauth("""
        {"result":"auth","status_msg":"ok","devices":[{"device":"bad id!","type":"phone"},{"device":"DP1","type":"phone"}]}""")
        .toDomain();

    assertThat(((PreauthOutcome.Authenticate) outcome).devices()).extracting(DuoDevice::id)
        .containsExactly(new DeviceId("DP1"));
  }

  @Test
  void readsAllowDenyAndEnroll() throws Exception {
    assertThat(preauth("{\"result\":\"allow\",\"status_msg\":\"Allowing unknown user\"}").toDomain())
        .isEqualTo(new PreauthOutcome.Allow(StatusMessage.of("Allowing unknown user")));
    assertThat(preauth("{\"result\":\"deny\",\"status_msg\":\"Your account is disabled\"}").toDomain())
        .isEqualTo(new PreauthOutcome.Deny(StatusMessage.of("Your account is disabled")));
    assertThat(preauth("{\"result\":\"enroll\",\"status_msg\":\"Enroll\",\"enroll_portal_url\":\"https://api-x/portal?code=1\"}")
        .toDomain()).isEqualTo(new PreauthOutcome.Enroll("https://api-x/portal?code=1", StatusMessage.of("Enroll")));
  }

  @Test
  void deniesAnUnknownPreauthResult() throws Exception {
    assertThat(preauth("{\"result\":\"maybe\",\"status_msg\":\"?\"}").toDomain())
        .isInstanceOf(PreauthOutcome.Deny.class);
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
      "deny,deny,DENIED",
      "deny,fraud,FRAUD",
      "deny,timeout,TIMEOUT",
      "deny,locked_out,LOCKED_OUT",
      "deny,something_new,DENIED",
      "surprise,allow,DENIED"})
  void readsDenialsWithTheirReason(String result, String status, DenialReason reason) throws Exception {
    AuthStatus answer = auth("{\"result\":\"" + result + "\",\"status\":\"" + status + "\",\"status_msg\":\"m\"}")
        .toDomain();

    assertThat(answer).isEqualTo(new AuthStatus.Denied(reason, StatusMessage.of("m")));
  }

  @Test
  void readsAllowAndWaiting() throws Exception {
    assertThat(auth("{\"result\":\"allow\",\"status\":\"allow\",\"status_msg\":\"Success. Logging you in...\"}")
        .toDomain()).isEqualTo(new AuthStatus.Allowed(StatusMessage.of("Success. Logging you in...")));
    assertThat(auth("{\"result\":\"waiting\",\"status\":\"pushed\",\"status_msg\":\"Pushed a login request\",\"auth_delayed\":false}")
        .toDomain()).isEqualTo(new AuthStatus.Waiting(StatusMessage.of("Pushed a login request")));
  }

  @Test
  void stripsControlCharactersFromDuosMessages() throws Exception {
    AuthStatus answer = auth("{\"result\":\"allow\",\"status_msg\":\"ok\\u001b[31m\"}").toDomain();

    assertThat(answer.message().value()).doesNotContain("\u001b");
  }

  // ---- Verified Duo Push, and values Gatehouse does not know -----------------------------------

  @Test
  void readsTheVerifiedPushTransactionOfPreauth() throws Exception {
    PreauthOutcome outcome = preauth("{\"result\":\"auth\",\"status_msg\":\"Account is active\",\"devices\":[],"
        + "\"txid\":\"45f7c92b-f45f-4862-8545-e0f58e78075a\"}").toDomain();

    assertThat(((PreauthOutcome.Authenticate) outcome).verifiedPush())
        .contains(new DuoTransactionId("45f7c92b-f45f-4862-8545-e0f58e78075a"));
  }

  @Test
  void aPreauthWithoutTxidIsAPlainPush() throws Exception {
    PreauthOutcome outcome = preauth("{\"result\":\"auth\",\"status_msg\":\"ok\",\"devices\":[]}").toDomain();

    assertThat(((PreauthOutcome.Authenticate) outcome).verifiedPush()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Please enter verification code 708 into Duo Mobile...|708",
      "Enter verification code: 123456 in Duo Mobile|123456",
      "Pushed a login request to your device...|"})
  void readsTheCodeOfAVerifiedPushFromDuosMessage(String message, String code) throws Exception {
    AuthStatus status = auth("{\"result\":\"waiting\",\"status\":\"pushed\",\"status_msg\":\"" + message + "\"}")
        .toPollStatus();

    assertThat(((AuthStatus.Waiting) status).verificationCode())
        .isEqualTo(Optional.ofNullable(code).map(VerificationCode::new));
  }

  @Test
  void prefersAnExplicitVerificationCode() throws Exception {
    AuthStatus status = auth("{\"result\":\"waiting\",\"status\":\"pushed\",\"status_msg\":\"Check your phone\","
        + "\"verification_code\":\"4711\"}").toPollStatus();

    assertThat(((AuthStatus.Waiting) status).verificationCode()).contains(new VerificationCode("4711"));
  }

  @Test
  void anUnknownAuthStatusResultIsStillWaiting() throws Exception {
    AuthStatus status = auth("{\"result\":\"pending_review\",\"status\":\"pushed\",\"status_msg\":\"m\"}")
        .toPollStatus();

    assertThat(status).isInstanceOf(AuthStatus.Waiting.class);
  }

  @Test
  void anUnknownFinalResultDenies() throws Exception {
    assertThat(auth("{\"result\":\"pending_review\",\"status\":\"x\",\"status_msg\":\"m\"}").toDomain())
        .isEqualTo(new AuthStatus.Denied(DenialReason.DENIED, StatusMessage.of("m")));
  }

  @Test
  void anUnknownWaitingStatusIsStillWaitingAndAnUnknownFinalStatusDenies() throws Exception {
    assertThat(auth("{\"result\":\"waiting\",\"status\":\"ringing_twice\",\"status_msg\":\"m\"}").toPollStatus())
        .isInstanceOf(AuthStatus.Waiting.class);
    assertThat(auth("{\"result\":\"deny\",\"status\":\"new_kind_of_no\",\"status_msg\":\"m\"}").toPollStatus())
        .isEqualTo(new AuthStatus.Denied(DenialReason.DENIED, StatusMessage.of("m")));
  }

  @Test
  void logsEachUnknownValueOnce() {
    String value = "new_" + UUID.randomUUID().toString().substring(0, 8);

    assertThat(DuoUnknownValues.report("/auth/v2/auth_status", "status", value, "still waiting")).isTrue();
    assertThat(DuoUnknownValues.report("/auth/v2/auth_status", "status", value, "still waiting")).isFalse();
  }
}
