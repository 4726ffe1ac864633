package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/**
 * {@code PUT /api/v1/workspaces/{name}/mfa}: the Duo settings, the failmode ({@code secure} by
 * default) and options (defaults where absent). It has the shape {@code GET} answers ({@link RestMfa})
 * plus the secret key, so {@code type} may be given and must then be {@code duo}.
 */
record RestConfigureDuoRequest(String type, String apiHostname, String integrationKey, String secretKey,
    String failmode, RestMfaOptions options) {
  static final String DUO = "duo";

  ConfigureDuoCommand toCommand(UserName actor, WorkspaceName workspace) {
    RestFields fields = new RestFields();
    if (type != null && !DUO.equals(type)) {
      fields.reject("type", "must be duo (to remove the second factor, DELETE it)");
    }
    DuoSettings settings = RestDuoSettingsRequest.parse(fields, apiHostname, integrationKey, secretKey);
    Failmode mode = fields.parse("failmode", () -> failmode == null ? Failmode.SECURE : Failmode.parse(failmode));
    MfaOptions parsed = options == null ? MfaOptions.DEFAULTS : parseOptions(fields);
    fields.check();
    return new ConfigureDuoCommand(actor, workspace, settings, mode, parsed);
  }

  private MfaOptions parseOptions(RestFields fields) {
    try {
      return options.toDomain();
    } catch (dev.gatehouse.domain.common.InvalidValueException e) {
      fields.reject(e.field(), e.reason());
      return null;
    }
  }

  @Override
  public String toString() {
    return "RestConfigureDuoRequest[type=" + type + ", apiHostname=" + apiHostname + ", integrationKey=" + integrationKey
        + ", secretKey=redacted, failmode=" + failmode + "]";
  }
}
