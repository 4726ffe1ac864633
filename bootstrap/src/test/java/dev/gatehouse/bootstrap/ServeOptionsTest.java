package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
  void tlsTakesACertificateAndItsKeyOrNeither(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    new TestCertificates().writeServer("node", cert, key);

    assertThat(ServeExtension.tls(null, null)).isEmpty();
    assertThat(ServeExtension.tls(cert.toString(), key.toString())).isPresent();
    assertThatThrownBy(() -> ServeExtension.tls(cert.toString(), null))
        .isInstanceOf(InvalidValueException.class).hasMessage("--tls-key is needed with --tls-cert");
    assertThatThrownBy(() -> ServeExtension.tls(null, key.toString()))
        .isInstanceOf(InvalidValueException.class).hasMessage("--tls-cert is needed with --tls-key");
  }

  @Test
  void aTlsFileThatCannotServeIsNamed(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    TestCertificates ca = new TestCertificates();
    ca.writeServer("node", cert, key);
    Path otherCert = dir.resolve("other.pem");
    Path otherKey = dir.resolve("other-key.pem");
    ca.writeServer("other", otherCert, otherKey);
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a pem\n");

    assertThatThrownBy(() -> ServeExtension.tls(dir.resolve("missing.pem").toString(), key.toString()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("--tls-cert " + dir.resolve("missing.pem") + ": no such file");
    assertThatThrownBy(() -> ServeExtension.tls(garbage.toString(), key.toString()))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("--tls-cert " + garbage + ": ");
    assertThatThrownBy(() -> ServeExtension.tls(cert.toString(), garbage.toString()))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("--tls-key " + garbage + ": ");
    assertThatThrownBy(() -> ServeExtension.tls(cert.toString(), otherKey.toString()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("--tls-key " + otherKey + ": does not match the certificate in " + cert);
    assertThatThrownBy(() -> ServeExtension.tls(cert.toString(), Files.readString(key)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("--tls-key").hasMessageNotContaining("PRIVATE");
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
