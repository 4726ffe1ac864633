package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;

class MfaPolicyTest {
  private static final String SECRET = DuoSettingsTest.SECRET;

  @Test
  void duoPolicyToStringRedactsTheSecretKey() {
    MfaPolicy policy = new MfaPolicy.Duo(DuoSettingsTest.settings(SECRET), Failmode.SECURE, MfaOptions.DEFAULTS);

    assertThat(policy.toString()).doesNotContain(SECRET).contains("DuoSecretKey[redacted]");
  }

  @Test
  void duoPoliciesWithTheSameSettingsAreEqual() {
    assertThat(new MfaPolicy.Duo(DuoSettingsTest.settings(SECRET), Failmode.SAFE, MfaOptions.DEFAULTS))
        .isEqualTo(new MfaPolicy.Duo(DuoSettingsTest.settings(SECRET), Failmode.SAFE, MfaOptions.DEFAULTS));
  }

  @Test
  void duoPoliciesWithDifferentFailmodesDiffer() {
    assertThat(new MfaPolicy.Duo(DuoSettingsTest.settings(SECRET), Failmode.SAFE, MfaOptions.DEFAULTS))
        .isNotEqualTo(new MfaPolicy.Duo(DuoSettingsTest.settings(SECRET), Failmode.SECURE, MfaOptions.DEFAULTS));
  }

  @Test
  void duoPolicyRefusesAMissingFailmode() {
    assertThatThrownBy(() -> new MfaPolicy.Duo(DuoSettingsTest.settings(SECRET), null, MfaOptions.DEFAULTS))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("failmode is required");
  }

  @Test
  void duoPolicyRefusesMissingOptions() {
    assertThatThrownBy(() -> new MfaPolicy.Duo(DuoSettingsTest.settings(SECRET), Failmode.SECURE, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("options is required");
  }

  @Test
  void aWorkspaceIsProtectedByNothingOrByDuo() {
    assertThat(MfaPolicy.class.getPermittedSubclasses())
        .containsExactlyInAnyOrder(MfaPolicy.None.class, MfaPolicy.Duo.class);
  }

  @Test
  void noneIsAValue() {
    assertThat(MfaPolicy.NONE).isEqualTo(new MfaPolicy.None());
  }
}
