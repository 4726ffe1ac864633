package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientContextTest {

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "192.168.100.200", "::1", "2001:db8::8a2e:370:7334",
      "::ffff:192.0.2.128"})
  void acceptsIpv4AndIpv6Addresses(String ip) {
    assertThat(ClientContext.of(ip, null).ipAddress()).contains(ip);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "10.0.0.1; rm -rf /", "host.example.com", " 10.0.0.1", "10.0.0.1\n"})
  void refusesWhatIsNotAnAddress(String ip) {
    assertThatThrownBy(() -> ClientContext.of(ip, null))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("ipAddress"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ws01", "ws01.corp.example.com", "a"})
  void acceptsHostNames(String host) {
    assertThat(ClientContext.of(null, host).hostname()).contains(host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-ws01", "ws 01", "ws01\u001b[2J", "ws_01", ".corp"})
  void refusesWhatIsNotAHostName(String host) {
    assertThatThrownBy(() -> ClientContext.of(null, host))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("hostname"));
  }

  @Test
  void refusesAHostNameLongerThan253Characters() {
    assertThatThrownBy(() -> ClientContext.of(null, "h".repeat(254))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void blankValuesAreUnknown() {
    assertThat(ClientContext.of(" ", "")).isEqualTo(ClientContext.UNKNOWN);
  }

  @Test
  void nullValuesAreUnknown() {
    assertThat(ClientContext.of(null, null)).isEqualTo(ClientContext.UNKNOWN);
  }

  @Test
  void refusesANullOptional() {
    assertThatThrownBy(() -> new ClientContext(null, Optional.empty()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("ipAddress is required");
  }
}
