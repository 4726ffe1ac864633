package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;

/** A workspace's Duo settings as they may be shown: everything but the secret key. */
public record DuoSummary(ApiHostname apiHostname, IntegrationKey integrationKey, Failmode failmode,
    MfaOptions options) {

  public static DuoSummary from(MfaPolicy.Duo duo) {
    return new DuoSummary(duo.settings().apiHostname(), duo.settings().integrationKey(),
        duo.failmode(), duo.options());
  }
}
