package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario files parse into the documented model, and mistakes in them are reported. */
class ScenarioTest {

  @Test
  void parsesEveryDocumentedKey() {
    Scenario s = Scenario.fromJson("""
        {"apiHostname": "api-test.example.com",
         "integrations": [{"integrationKey": "DIX00000000000000001", "secretKey": "s3cr3t", "type": "auth_api"},
                          {"integrationKey": "DIX00000000000000002", "secretKey": "s3cr3t", "type": "admin_api"}],
         "users": [{"username": "amy", "userId": "DUAMY000000000000001", "status": "active",
                    "passcodes": ["1"], "staticPasscodes": ["2"], "bypassCodes": ["3"],
                    "devices": [{"id": "DPAMY000000000000001", "type": "phone", "number": "XXX-XXX-0001",
                                 "name": "Amy", "capabilities": ["auto", "push"],
                                 "push": {"outcome": "deny", "afterMs": 250}, "phone": "wait",
                                 "smsPasscodes": ["1234567"]},
                                {"type": "token", "name": "serial", "passcodes": ["777"]}]},
                   {"username": "ben", "status": "locked_out", "statusMessage": "Call the help desk"}],
         "trustedNetworks": ["10.0.0.0/8"], "dateWindowSeconds": 60, "pushTimeoutSeconds": 30,
         "longPollCapSeconds": 20, "rememberDevicesSeconds": 3600, "lockoutThreshold": 5, "smsBatchSize": 5,
         "unknownUsers": "deny", "signatureVersions": [2, 5], "logo": true}
        """);

    assertThat(s.apiHostname()).isEqualTo("api-test.example.com");
    assertThat(s.authApiIntegration().integrationKey()).isEqualTo("DIX00000000000000001");
    assertThat(s.integrations().get(1).isAuthApi()).isFalse();
    Scenario.User amy = s.users().get(0);
    assertThat(amy.devices().get(0).push()).isEqualTo(new Scenario.Reaction(Scenario.Outcome.DENY, Duration.ofMillis(250)));
    assertThat(amy.devices().get(0).phone().outcome()).isEqualTo(Scenario.Outcome.WAIT);
    assertThat(amy.devices().get(0).displayName()).isEqualTo("Amy (XXX-XXX-0001)");
    assertThat(amy.devices().get(1).id()).startsWith("DH").hasSize(20);
    assertThat(amy.devices().get(1).capabilities()).isEmpty();
    assertThat(s.users().get(1).status()).isEqualTo(Scenario.UserStatus.LOCKED_OUT);
    assertThat(s.users().get(1).userId()).startsWith("DU").hasSize(20);
    assertThat(s.signatureVersions()).containsExactlyInAnyOrder(2, 5);
    assertThat(s.enrollUnknownUsers()).isFalse();
    assertThat(s.logoPng()).isNotNull();
  }

  @Test
  void rejectsUnknownKeysAndValues() {
    assertThatThrownBy(() -> Scenario.fromJson("{\"user\": []}")).hasMessageContaining("unknown key 'user'");
    assertThatThrownBy(() -> Scenario.fromJson("{\"users\": [{\"username\": \"a\", \"status\": \"asleep\"}]}"))
        .hasMessageContaining("unknown status");
    assertThatThrownBy(() -> Scenario.fromJson(
        "{\"users\": [{\"username\": \"a\", \"devices\": [{\"capabilities\": [\"telepathy\"]}]}]}"))
        .hasMessageContaining("unknown capability");
    assertThatThrownBy(() -> Scenario.fromJson("{\"trustedNetworks\": [\"example.com\"]}"))
        .hasMessageContaining("not an IP network");
    assertThatThrownBy(() -> Scenario.fromJson("[]")).hasMessageContaining("JSON object");
  }

  @Test
  void withoutIntegrationsOneRandomAuthApiIntegrationIsMade() {
    Scenario s = Scenario.fromJson("{}");
    assertThat(s.integrations()).hasSize(1);
    assertThat(s.authApiIntegration().integrationKey()).startsWith("DI").hasSize(20);
    assertThat(s.authApiIntegration().secretKey()).hasSize(40);
    assertThat(s.authApiIntegration().toString()).doesNotContain(s.authApiIntegration().secretKey());
  }

  @Test
  void defaultScenarioHasTheFiveDemoUsers() {
    Scenario s = Scenario.defaultScenario();
    assertThat(s.users()).extracting(Scenario.User::username).containsExactly("alice", "bob", "carol", "dave", "erin");
    assertThat(s.users()).extracting(Scenario.User::status).containsExactly(Scenario.UserStatus.ACTIVE,
        Scenario.UserStatus.ACTIVE, Scenario.UserStatus.LOCKED_OUT, Scenario.UserStatus.NOT_ENROLLED,
        Scenario.UserStatus.BYPASS);
    assertThat(s.users().get(0).staticPasscodes()).isEqualTo(List.of("123456"));
    assertThat(s.users().get(1).devices().get(0).push().outcome()).isEqualTo(Scenario.Outcome.DENY);
  }

  @Test
  void cidrMatchesOnlyItsNetwork() {
    Cidr net = Cidr.parse("192.168.4.0/22");
    assertThat(net.contains("192.168.7.255")).isTrue();
    assertThat(net.contains("192.168.8.0")).isFalse();
    assertThat(net.contains("not-an-ip")).isFalse();
    assertThat(Cidr.parse("fd00::/8").contains("fd12::1")).isTrue();
  }
}
