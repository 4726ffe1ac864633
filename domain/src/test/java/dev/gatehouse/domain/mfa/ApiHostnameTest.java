package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiHostnameTest {

  @ParameterizedTest
  @ValueSource(strings = {"api-xxxxxxxx.duosecurity.com", "api-1a2b3c4d.duosecurity.com",
      "localhost", "duo-sim", "127.0.0.1", "a.b.c.d.e"})
  void acceptsHostNamesWithoutPort(String value) {
    ApiHostname hostname = new ApiHostname(value);

    assertThat(hostname.value()).isEqualTo(value);
    assertThat(hostname.host()).isEqualTo(value);
    assertThat(hostname.port()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"localhost:8443, localhost, 8443", "api-x.duosecurity.com:443, api-x.duosecurity.com, 443",
      "127.0.0.1:1, 127.0.0.1, 1", "sim:65535, sim, 65535"})
  void acceptsHostNamesWithPort(String value, String host, int port) {
    ApiHostname hostname = new ApiHostname(value);

    assertThat(hostname.value()).isEqualTo(value);
    assertThat(hostname.host()).isEqualTo(host);
    assertThat(hostname.port()).contains(port);
  }

  @ParameterizedTest
  @CsvSource({"API-XXXXXXXX.DUOSECURITY.COM, api-xxxxxxxx.duosecurity.com",
      "Api-1A2b.DuoSecurity.Com:8443, api-1a2b.duosecurity.com:8443",
      "'  api-x.duosecurity.com  ', api-x.duosecurity.com"})
  void normalisesToLowerCaseWithoutSurroundingSpace(String value, String normalised) {
    assertThat(new ApiHostname(value).value()).isEqualTo(normalised);
  }

  @Test
  void equalAfterNormalisation() {
    assertThat(new ApiHostname("API-X.DUOSECURITY.COM")).isEqualTo(new ApiHostname("api-x.duosecurity.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api-x.duosecurity.com", "http://api-x.duosecurity.com:443",
      "api-x.duosecurity.com/", "api-x.duosecurity.com/auth/v2/check", "//api-x.duosecurity.com",
      "ftp://host"})
  void refusesSchemeOrPath(String value) {
    assertThatThrownBy(() -> new ApiHostname(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("without scheme or path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:0", "localhost:65536", "localhost:99999"})
  void refusesAPortOutOfRange(String value) {
    assertThatThrownBy(() -> new ApiHostname(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("apiHostname port must be between 1 and 65535");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:", "localhost:123456", "localhost:-1", "localhost:80a",
      "localhost:8443:1", ":8443", "localhost: 80"})
  void refusesAMalformedPort(String value) {
    assertThatThrownBy(() -> new ApiHostname(value))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).startsWith("apiHostname"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "-api.duosecurity.com", "api-.duosecurity.com", "api..duosecurity.com",
      ".duosecurity.com", "api.duosecurity.com.", "api_x.duosecurity.com", "api x.duosecurity.com",
      "api-x.duosecurity.com?x=1", "user@api-x.duosecurity.com", "api-ü.duosecurity.com",
      "api\u0000.duosecurity.com"})
  void refusesMalformedHostNames(String value) {
    assertThatThrownBy(() -> new ApiHostname(value))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("apiHostname"));
  }

  @Test
  void acceptsALabelOfSixtyThreeCharacters() {
    String value = "a".repeat(63) + ".example.com";
    assertThat(new ApiHostname(value).value()).isEqualTo(value);
  }

  @Test
  void refusesALabelOfSixtyFourCharacters() {
    assertThatThrownBy(() -> new ApiHostname("a".repeat(64) + ".example.com"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesAHostNameLongerThan253Characters() {
    String label = "a".repeat(60);
    String value = String.join(".", label, label, label, label, "abcdefghij"); // 254 characters
    assertThat(value).hasSize(254);
    assertThatThrownBy(() -> new ApiHostname(value)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void acceptsAHostNameOf253CharactersWithAPort() {
    String label = "a".repeat(60);
    String host = String.join(".", label, label, label, label, "abcdefghi");
    assertThat(host).hasSize(253);
    assertThat(new ApiHostname(host + ":443").host()).isEqualTo(host);
  }

  @ParameterizedTest
  @MethodSource("randomMixedCaseHostnames")
  void anyMixedCaseHostnameIsStoredInLowerCase(String value) {
    ApiHostname hostname = new ApiHostname(value);

    assertThat(hostname.value()).isEqualTo(value.toLowerCase(Locale.ROOT));
    assertThat(new ApiHostname(hostname.value())).isEqualTo(hostname);
  }

  static Stream<String> randomMixedCaseHostnames() {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    Random random = new Random(443L);
    return IntStream.range(0, 200).mapToObj(i -> {
      StringBuilder s = new StringBuilder("api-");
      for (int j = 0; j < 8; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      s.append(random.nextBoolean() ? ".DuoSecurity.com" : ".duosecurity.COM");
      if (random.nextBoolean()) {
        s.append(':').append(1 + random.nextInt(65535));
      }
      return s.toString();
    });
  }

  @Test
  void toStringIsTheHostname() {
    assertThat(new ApiHostname("localhost:8443")).hasToString("localhost:8443");
  }
}
