package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.Require;

/** What Gatehouse needs to call one Duo Auth API application. */
public record DuoSettings(ApiHostname apiHostname, IntegrationKey integrationKey, DuoSecretKey secretKey) {
  public DuoSettings {
    Require.notNull("apiHostname", apiHostname);
    Require.notNull("integrationKey", integrationKey);
    Require.notNull("secretKey", secretKey);
  }
}
