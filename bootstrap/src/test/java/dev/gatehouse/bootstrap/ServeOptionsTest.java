package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code serve} makes of its operational options before anything starts. */
class ServeOptionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
  void plainHttpOnLoopbackNeedsNoFlag(String bind) {
    assertThatCode(() -> ServeExtension.requireLoopbackOrInsecure(bind, false)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
  void plainHttpElsewhereIsRefusedWithoutTheFlag(String bind) {
    assertThatThrownBy(() -> ServeExtension.requireLoopbackOrInsecure(bind, false))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("--insecure-http");
    assertThatCode(() -> ServeExtension.requireLoopbackOrInsecure(bind, true)).doesNotThrowAnyException();
  }

  @Test
  void readsTheMetricsAddress() {
    assertThat(MetricsEndpoint.address("127.0.0.1:9464")).isEqualTo(new InetSocketAddress("127.0.0.1", 9464));
    assertThat(MetricsEndpoint.address("[::1]:0").getAddress().isLoopbackAddress()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "9464", "127.0.0.1", "127.0.0.1:", ":9464", "127.0.0.1:http", "127.0.0.1:70000"})
  void refusesAMalformedMetricsAddress(String text) {
    assertThatThrownBy(() -> MetricsEndpoint.address(text))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("--metrics-bind");
  }

  @Test
  void readsTheLogFormat() {
    assertThat(LogFormat.parse(null)).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.parse("JSON")).isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessageContaining("text or json");
  }
}
