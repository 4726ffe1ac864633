package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.CheckDuoSettingsUseCase;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.ConfigureDuoUseCase;
import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.application.port.in.DisableMfaUseCase;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.domain.workspace.WorkspaceName;
import dev.gatehouse.application.port.in.readiness.DuoReadinessQuery;
import dev.gatehouse.application.port.in.readiness.GetDuoReadinessUseCase;
import dev.gatehouse.domain.mfa.DuoSettings;
import java.util.List;
import java.util.Optional;

/**
 * Duo settings: Check without saving, configure (check, then save), read (never the secret), disable,
 * and the readiness report of a workspace's members with the saved or unsaved settings.
 */
final class MfaResource {
  static final String READINESS = "/api/v1/workspaces/{name}/duo/readiness";

  private final CheckDuoSettingsUseCase checkDuoSettings;
  private final ConfigureDuoUseCase configureDuo;
  private final GetWorkspaceUseCase getWorkspace;
  private final DisableMfaUseCase disableMfa;
  private final GetDuoReadinessUseCase duoReadiness;
  private final RestErrorMapper errors;

  MfaResource(CheckDuoSettingsUseCase checkDuoSettings, ConfigureDuoUseCase configureDuo,
      GetWorkspaceUseCase getWorkspace, DisableMfaUseCase disableMfa, GetDuoReadinessUseCase duoReadiness,
      RestErrorMapper errors) {
    this.checkDuoSettings = checkDuoSettings;
    this.configureDuo = configureDuo;
    this.getWorkspace = getWorkspace;
    this.disableMfa = disableMfa;
    this.duoReadiness = duoReadiness;
    this.errors = errors;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("POST", "/api/v1/duo/check", RestAccess.BEARER, this::check).withBody(RestGuard.ADMINISTRATOR),
        RestRoute.sync("PUT", "/api/v1/workspaces/{name}/mfa", RestAccess.BEARER, this::configure)
            .withBody(RestGuard.ADMINISTRATOR),
        RestRoute.sync("GET", "/api/v1/workspaces/{name}/mfa", RestAccess.BEARER, this::get),
        RestRoute.sync("DELETE", "/api/v1/workspaces/{name}/mfa", RestAccess.BEARER, this::disable),
        RestRoute.sync("GET", READINESS, RestAccess.BEARER, this::readiness),
        RestRoute.sync("POST", READINESS, RestAccess.BEARER, this::readinessOfUnsaved)
            .withBody(RestGuard.ADMINISTRATOR));
  }

  RestReply check(RestRequest request) {
    RestDuoSettingsRequest body = request.body(RestDuoSettingsRequest.class);
    return reply(checkDuoSettings.check(new CheckDuoSettingsCommand(request.actor(), body.toDomain())));
  }

  RestReply configure(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    RestConfigureDuoRequest body = request.body(RestConfigureDuoRequest.class);
    return reply(configureDuo.configure(body.toCommand(request.actor(), workspace)));
  }

  RestReply get(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    return RestReply.ok(RestMfa.from(
        getWorkspace.get(new GetWorkspaceQuery(request.actor(), workspace)).duo()));
  }

  RestReply disable(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    disableMfa.disable(new DisableMfaCommand(request.actor(), workspace));
    return RestReply.noContent();
  }

  /** Every member's readiness with the saved settings; nothing is sent to anyone. */
  RestReply readiness(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    return RestReply.ok(RestReadiness.from(duoReadiness.report(
        new DuoReadinessQuery(request.actor(), workspace, Optional.empty()))));
  }

  /** The same with settings not yet saved (the body of Check); the secret key is never echoed. */
  RestReply readinessOfUnsaved(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    DuoSettings settings = request.body(RestDuoSettingsRequest.class).toDomain();
    return RestReply.ok(RestReadiness.from(duoReadiness.report(
        new DuoReadinessQuery(request.actor(), workspace, Optional.of(settings)))));
  }

  /** A check answers 200 either way: the check itself is the result. */
  RestReply reply(DuoCheckResult result) {
    if (result instanceof DuoCheckResult.Passed) {
      return RestReply.ok(new RestDuoCheck("passed", null, null));
    }
    if (result instanceof DuoCheckResult.Failed failed) {
      return RestReply.ok(new RestDuoCheck("failed", RestWire.name(failed.problem()),
          RestText.problem(failed.problem(), failed.report())));
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
          "Duo settings not saved: " + RestText.problem(failed.failure().problem(), failed.failure().report()));
    }
    throw new IllegalStateException("unmapped configure result " + result.getClass().getName());
  }
}
