package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown top-level key|{\"user\": []}|unknown key 'user' in scenario (known: apiHostname, dateWindowSeconds,",
      "unknown device key|{\"users\": [{\"username\": \"a\", \"devices\": [{}, {\"pasccodes\": []}]}]}"
          + "|unknown key 'pasccodes' in users[0].devices[1] (known: capabilities, displayName, id,",
      "unknown reaction key|{\"users\": [{\"username\": \"a\", \"devices\": [{\"push\": {\"after\": 1}}]}]}"
          + "|unknown key 'after' in users[0].devices[0].push (known: afterMs, outcome)",
      "unknown status|{\"users\": [{\"username\": \"a\", \"status\": \"asleep\"}]}"
          + "|unknown status 'asleep' at users[0].status (one of: active, bypass, locked_out, disabled, not_enrolled)",
      "unknown outcome|{\"users\": [{\"username\": \"a\", \"devices\": [{\"push\": \"shrug\"}]}]}"
          + "|users[0].devices[0].push: unknown outcome 'shrug' (one of: approve, deny, fraud, timeout, locked_out, wait)",
      "unknown capability|{\"users\": [{\"username\": \"a\", \"devices\": [{\"capabilities\": [\"telepathy\"]}]}]}"
          + "|users[0].devices[0]: unknown capability telepathy",
      "missing username|{\"users\": [{\"status\": \"active\"}]}|users[0]: username is required",
      "wrong type|{\"dateWindowSeconds\": \"soon\"}|dateWindowSeconds",
      "object expected|{\"users\": [[]]}|users[0] must be a JSON object",
      "array expected|{\"trustedNetworks\": \"10.0.0.0/8\"}|trustedNetworks must be a JSON array",
      "bad unknownUsers|{\"unknownUsers\": \"ignore\"}|unknown unknownUsers 'ignore' at unknownUsers (one of: enroll, deny)",
      "bad logo|{\"logo\": 7}|logo must be true, false or a base64 PNG",
      "duplicate key|{\"smsBatchSize\": 5, \"smsBatchSize\": 6}|Duplicate field 'smsBatchSize'",
      "broken JSON|{\"users\": [}|scenario is not valid JSON at line 1, column 12"})
  void reportsEachMistakeInOneLineNamingTheKey(String name, String json, String message) {
    assertThatThrownBy(() -> Scenario.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("\n").hasMessageNotContaining("dev.gatehouse").hasMessageNotContaining("Json");
  }

  @Test
  void theControlApiBindsUsersAndDevicesTheSameWay() throws Exception {
    JsonNode user = Json.MAPPER.readTree("{\"username\": \"zoe\", \"devices\": [{\"capabilities\": [\"push\"],"
        + " \"push\": {\"outcome\": \"approve\", \"afterMs\": 10}}]}");

    Scenario.User zoe = Scenario.parseUser(user);
    Scenario.Device second = Scenario.parseDevice(Json.MAPPER.readTree("{\"type\": \"token\"}"), "zoe", 1);

    assertThat(zoe.devices().get(0).id()).isEqualTo(Ids.derived("DP", "zoe/0/phone"));
    assertThat(zoe.devices().get(0).push()).isEqualTo(Scenario.Reaction.approveAfter(Duration.ofMillis(10)));
    assertThat(second.id()).isEqualTo(Ids.derived("DH", "zoe/1/token"));
    assertThatThrownBy(() -> Scenario.parseUser(Json.MAPPER.readTree("{\"username\": \"zoe\", \"pin\": 1}")))
        .hasMessageStartingWith("unknown key 'pin' in user (known: ");
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
