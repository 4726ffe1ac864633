package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;

class DuoSettingsTest {
  static final String SECRET = "Zh5678901234567890123456789012345678901a";

  static DuoSettings settings(String secret) {
    return new DuoSettings(new ApiHostname("api-xxxxxxxx.duosecurity.com"),
        new IntegrationKey("DIWJ8X6AEYOR5OMC6TQ1"), new DuoSecretKey(secret));
  }

  @Test
  void toStringRedactsTheSecretKey() {
    assertThat(settings(SECRET).toString())
        .doesNotContain(SECRET)
        .contains("DuoSecretKey[redacted]")
        .contains("api-xxxxxxxx.duosecurity.com")
        .contains("DIWJ8X6AEYOR5OMC6TQ1");
  }

  @Test
  void settingsWithTheSameKeysAreEqual() {
    assertThat(settings(SECRET)).isEqualTo(settings(SECRET)).hasSameHashCodeAs(settings(SECRET));
  }

  @Test
  void settingsWithDifferentSecretKeysDiffer() {
    assertThat(settings(SECRET)).isNotEqualTo(settings(SECRET.replace('Z', 'Q')));
  }

  @Test
  void refusesAMissingSecretKey() {
    assertThatThrownBy(() -> new DuoSettings(new ApiHostname("api-x.duosecurity.com"),
        new IntegrationKey("DIWJ8X6AEYOR5OMC6TQ1"), null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("secretKey is required");
  }

  @Test
  void refusesAMissingHostname() {
    assertThatThrownBy(() -> new DuoSettings(null, new IntegrationKey("DIWJ8X6AEYOR5OMC6TQ1"),
        new DuoSecretKey(SECRET)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("apiHostname is required");
  }
}
