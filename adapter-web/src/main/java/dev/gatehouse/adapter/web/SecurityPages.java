package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.DuoSummary;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's Security → MFA page (administrators): type None or Duo, and the seed's "Duo -
 * General Settings" with Check and Save. The secret key is a password field never filled back.
 */
final class SecurityPages {
  private final Gatehouse gatehouse;

  SecurityPages(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  /** The Duo form as shown again: every field but the secret key, and the messages per field. */
  record DuoForm(String apiHostname, String integrationKey, String failmode, Map<String, String> errors) {
    static DuoForm from(Optional<DuoSummary> duo) {
      return duo.map(d -> new DuoForm(d.apiHostname().value(), d.integrationKey().value(), d.failmode().wireName(), Map.of()))
          .orElse(new DuoForm("", "", Failmode.SECURE.wireName(), Map.of()));
    }

    Optional<String> error(String field) {
      return Optional.ofNullable(errors.get(field));
    }
  }

  /** What Check (or a refused Save) found: passed, or Duo's answer. */
  record Check(boolean passed, String message) {}

  List<WebRoute> routes() {
    return List.of(
        WebRoute.get("/workspaces/{workspace}/security", this::show),
        WebRoute.post("/workspaces/{workspace}/security/duo/check", this::check),
        WebRoute.post("/workspaces/{workspace}/security/duo", this::save),
        WebRoute.post("/workspaces/{workspace}/security/none", this::none));
  }

  void show(WebRequest request) {
    WorkspaceDetails details = details(request);
    render(request, 200, details, DuoForm.from(details.duo()), Optional.empty());
  }

  void check(WebRequest request) {
    WorkspaceDetails details = details(request);
    Parsed parsed = parse(request);
    Check check = parsed.settings().map(settings -> result(gatehouse.checkDuoSettings().check(
        new CheckDuoSettingsCommand(request.actor(), settings))))
        .orElse(new Check(false, "Fix the marked fields first."));
    if (request.isHtmx()) {
      request.render("duoCheck.jte", Map.of("check", check));
      return;
    }
    render(request, 200, details, parsed.form(), Optional.of(check));
  }

  void save(WebRequest request) {
    WorkspaceDetails details = details(request);
    Parsed parsed = parse(request);
    if (parsed.settings().isEmpty() || parsed.failmode() == null) {
      render(request, 400, details, parsed.form(), Optional.empty());
      return;
    }
    MfaOptions options = details.duo().map(DuoSummary::options).orElse(MfaOptions.DEFAULTS);
    ConfigureDuoResult result = gatehouse.configureDuo().configure(new ConfigureDuoCommand(request.actor(),
        details.workspace().name(), parsed.settings().get(), parsed.failmode(), options));
    if (result instanceof ConfigureDuoResult.Configured) {
      request.redirect(href(details.workspace().name()) + "?notice=" + WebNotice.SAVED.code());
      return;
    }
    if (result instanceof ConfigureDuoResult.CheckFailed failed) {
      render(request, 422, details, parsed.form(), Optional.of(result(failed.failure())));
      return;
    }
    throw new IllegalStateException("unmapped configure result " + result.getClass().getName());
  }

  void none(WebRequest request) {
    WorkspaceDetails details = details(request);
    gatehouse.disableMfa().disable(new DisableMfaCommand(request.actor(), details.workspace().name()));
    request.redirect(href(details.workspace().name()) + "?notice=" + WebNotice.MFA_DISABLED.code());
  }

  private WorkspaceDetails details(WebRequest request) {
    if (!request.isAdministrator()) {
      throw new AccessDeniedException("only administrators change a workspace's security");
    }
    WorkspaceName name = WorkspacePages.workspace(request);
    return gatehouse.getWorkspace().get(new GetWorkspaceQuery(request.actor(), name));
  }

  private record Parsed(DuoForm form, Optional<DuoSettings> settings, Failmode failmode) {}

  private static Parsed parse(WebRequest request) {
    WebForm form = new WebForm();
    String host = request.form("apiHostname");
    String ikey = request.form("integrationKey");
    String failmodeText = request.form("failmode");
    ApiHostname hostname = form.parse("apiHostname", () -> new ApiHostname(host));
    IntegrationKey integrationKey = form.parse("integrationKey", () -> new IntegrationKey(ikey));
    DuoSecretKey secretKey = form.parse("secretKey", () -> new DuoSecretKey(request.rawForm("secretKey")));
    Failmode failmode = form.parse("failmode", () -> Failmode.parse(failmodeText.isEmpty() ? "secure" : failmodeText));
    DuoForm shown = new DuoForm(host, ikey, failmodeText.isEmpty() ? "secure" : failmodeText, form.errors());
    Optional<DuoSettings> settings = form.valid()
        ? Optional.of(new DuoSettings(hostname, integrationKey, secretKey)) : Optional.empty();
    return new Parsed(shown, settings, failmode);
  }

  private static Check result(DuoCheckResult result) {
    if (result instanceof DuoCheckResult.Passed) {
      return new Check(true, "Duo accepted these settings.");
    }
    if (result instanceof DuoCheckResult.Failed failed) {
      return new Check(false, WebText.problem(failed.problem(), failed.report()));
    }
    throw new IllegalStateException("unmapped check result " + result.getClass().getName());
  }

  private static void render(WebRequest request, int status, WorkspaceDetails details, DuoForm form,
      Optional<Check> check) {
    String name = details.workspace().name().value();
    Map<String, Object> params = new HashMap<>();
    params.put("frame", request.frame("Security", WebLink.workspaces(), WebLink.workspace(name)));
    params.put("details", details);
    params.put("form", form);
    params.put("check", check);
    request.render(status, "security.jte", params);
  }

  private static String href(WorkspaceName workspace) {
    return WorkspacePages.href(workspace) + "/security";
  }
}
