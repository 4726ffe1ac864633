package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.IntegrationKey;

/** {@code POST /api/v1/duo/check}: the Duo application's API hostname, integration key and secret key. */
record RestDuoSettingsRequest(String apiHostname, String integrationKey, String secretKey) {
  DuoSettings toDomain() {
    RestFields fields = new RestFields();
    DuoSettings settings = parse(fields, apiHostname, integrationKey, secretKey);
    fields.check();
    return settings;
  }

  static DuoSettings parse(RestFields fields, String apiHostname, String integrationKey, String secretKey) {
    ApiHostname host = fields.parse("apiHostname", () -> new ApiHostname(apiHostname));
    IntegrationKey ikey = fields.parse("integrationKey", () -> new IntegrationKey(integrationKey));
    DuoSecretKey skey = fields.parse("secretKey", () -> new DuoSecretKey(secretKey));
    return host == null || ikey == null || skey == null ? null : new DuoSettings(host, ikey, skey);
  }

  @Override
  public String toString() {
    return "RestDuoSettingsRequest[apiHostname=" + apiHostname + ", integrationKey=" + integrationKey
        + ", secretKey=redacted]";
  }
}
