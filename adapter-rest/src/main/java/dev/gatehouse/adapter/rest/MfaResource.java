package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;

/** Duo settings: Check without saving, configure (check, then save), read (never the secret), disable. */
final class MfaResource {
  private final Gatehouse gatehouse;
  private final RestErrorMapper errors;

  MfaResource(Gatehouse gatehouse, RestErrorMapper errors) {
    this.gatehouse = gatehouse;
    this.errors = errors;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("POST", "/api/v1/duo/check", RestAccess.BEARER, this::check).withBody(),
        RestRoute.sync("PUT", "/api/v1/workspaces/{name}/mfa", RestAccess.BEARER, this::configure).withBody(),
        RestRoute.sync("GET", "/api/v1/workspaces/{name}/mfa", RestAccess.BEARER, this::get),
        RestRoute.sync("DELETE", "/api/v1/workspaces/{name}/mfa", RestAccess.BEARER, this::disable));
  }

  RestReply check(RestRequest request) {
    RestDuoSettingsRequest body = request.body(RestDuoSettingsRequest.class);
    return reply(gatehouse.checkDuoSettings().check(new CheckDuoSettingsCommand(request.actor(), body.toDomain())));
  }

  RestReply configure(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    RestConfigureDuoRequest body = request.body(RestConfigureDuoRequest.class);
    return reply(gatehouse.configureDuo().configure(body.toCommand(request.actor(), workspace)));
  }

  RestReply get(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    return RestReply.ok(RestMfa.from(
        gatehouse.getWorkspace().get(new GetWorkspaceQuery(request.actor(), workspace)).duo()));
  }

  RestReply disable(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    gatehouse.disableMfa().disable(new DisableMfaCommand(request.actor(), workspace));
    return RestReply.noContent();
  }

  /** A check answers 200 either way: the check itself is the result. */
  RestReply reply(DuoCheckResult result) {
    if (result instanceof DuoCheckResult.Passed) {
      return RestReply.ok(new RestDuoCheck("passed", null, null));
    }
    if (result instanceof DuoCheckResult.Failed failed) {
      return RestReply.ok(new RestDuoCheck("failed", RestErrorMapper.wireName(failed.problem()), failed.message()));
    }
    throw new IllegalStateException("unmapped check result " + result.getClass().getName());
  }

  /** Configured answers 200; a failed check saves nothing and answers with the Duo problem's status. */
  RestReply reply(ConfigureDuoResult result) {
    if (result instanceof ConfigureDuoResult.Configured configured) {
      return RestReply.ok(RestMfa.from(configured.duo()));
    }
    if (result instanceof ConfigureDuoResult.CheckFailed failed) {
      return errors.secondFactorProblem(failed.failure().problem(),
          "Duo settings not saved: " + failed.failure().message());
    }
    throw new IllegalStateException("unmapped configure result " + result.getClass().getName());
  }
}
