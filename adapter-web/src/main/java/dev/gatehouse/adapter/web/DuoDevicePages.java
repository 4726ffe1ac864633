package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesQuery;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The member's "Duo - Settings" for a workspace: the devices Duo lists (Use this device), the
 * method, and Save, which starts a verifying request and follows it live until it is answered.
 */
final class DuoDevicePages {
  private final Gatehouse gatehouse;
  private final WebChallenges challenges;

  DuoDevicePages(Gatehouse gatehouse, WebChallenges challenges) {
    this.gatehouse = gatehouse;
    this.challenges = challenges;
  }

  /** One listed device: whether it is the active or pending choice, and whether it starts selected. */
  record Device(String id, String displayName, String type, boolean active, boolean pending, boolean selected) {}

  /** A method of the select, and whether it starts selected. */
  record Method(String value, String label, boolean selected) {}

  /** What the page shows: devices, or a bypass, or a denial (with the enrollment link Duo gave). */
  record Devices(List<Device> devices, List<Method> methods, Optional<String> activeChoice,
      Optional<String> pendingChoice, String duoMessage, Optional<String> bypass, Optional<String> denial,
      Optional<String> enrollmentUrl) {}

  List<WebRoute> routes() {
    return List.of(
        WebRoute.get("/workspaces/{workspace}/duo", this::show),
        WebRoute.post("/workspaces/{workspace}/duo", this::save));
  }

  void show(WebRequest request) {
    WorkspaceName workspace = WorkspacePages.workspace(request);
    Optional<WebChallenge> challenge = request.query("challenge").map(id -> challenges.observe(request,
        gatehouse.getChallenge().get(new GetChallengeQuery(request.actor(), new ChallengeId(id), Duration.ZERO))
            .toCompletableFuture().join()))
        .filter(c -> c.verifying() && c.workspace().equals(workspace.value()));
    render(request, 200, workspace, challenge, Optional.empty());
  }

  void save(WebRequest request) {
    WorkspaceName workspace = WorkspacePages.workspace(request);
    WebForm form = new WebForm();
    String deviceText = request.form("device");
    String methodText = request.form("method");
    DeviceId device = deviceText.isEmpty() ? null : form.parse("device", () -> new DeviceId(deviceText));
    if (deviceText.isEmpty()) {
      form.reject("device", "choose a device (Use this device)");
    }
    DuoMethod method = form.parse("method", () -> DuoMethod.parse(methodText));
    if (!form.valid()) {
      render(request, 400, workspace, Optional.empty(), Optional.of(String.join(" ", form.errors().values())));
      return;
    }
    ChooseDuoDeviceResult result = gatehouse.chooseDuoDevice().choose(new ChooseDuoDeviceCommand(request.actor(),
        workspace, new DeviceSelection(device, method), request.client()));
    if (result instanceof ChooseDuoDeviceResult.Verifying verifying) {
      challenges.observe(request, verifying.challenge());
      request.redirect(WorkspacePages.href(workspace) + "/duo?challenge="
          + WebLink.segment(verifying.challenge().id().value()));
      return;
    }
    if (result instanceof ChooseDuoDeviceResult.Denied denied) {
      render(request, 403, workspace, Optional.empty(), Optional.of(WebText.denial(denied.denial())));
      return;
    }
    throw new IllegalStateException("unmapped device choice " + result.getClass().getName());
  }

  private void render(WebRequest request, int status, WorkspaceName workspace, Optional<WebChallenge> challenge,
      Optional<String> error) {
    DeviceListResult result = gatehouse.listDuoDevices().list(new ListDuoDevicesQuery(request.actor(), workspace,
        request.client()));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", request.frame("Duo - Settings", WebLink.workspaces(), WebLink.workspace(workspace.value())));
    params.put("workspace", workspace.value());
    params.put("devices", devices(result));
    params.put("challenge", challenge);
    params.put("error", error);
    request.render(status, "duoSettings.jte", params);
  }

  static Devices devices(DeviceListResult result) {
    if (result instanceof DeviceListResult.Devices listed) {
      Optional<DeviceSelection> chosen = listed.pending().or(listed::active);
      Optional<DeviceId> selected = chosen.map(DeviceSelection::device).or(listed::suggested);
      DuoMethod method = chosen.map(DeviceSelection::method).orElse(DuoMethod.PUSH);
      List<Device> devices = listed.devices().stream().map(d -> device(d, listed, selected)).toList();
      List<Method> methods = Arrays.stream(DuoMethod.values())
          .map(m -> new Method(m.wireName(), WebText.method(m), m == method)).toList();
      return new Devices(devices, methods, listed.active().map(DuoDevicePages::describe),
          listed.pending().map(DuoDevicePages::describe), listed.message().value(), Optional.empty(),
          Optional.empty(), Optional.empty());
    }
    if (result instanceof DeviceListResult.Bypass bypass) {
      return new Devices(List.of(), List.of(), Optional.empty(), Optional.empty(), bypass.message().value(),
          Optional.of("Duo lets you in without a second factor: there is no device to choose."), Optional.empty(),
          Optional.empty());
    }
    if (result instanceof DeviceListResult.Denied denied) {
      return new Devices(List.of(), List.of(), Optional.empty(), Optional.empty(), "", Optional.empty(),
          Optional.of(WebText.denial(denied.denial())),
          denied.denial().enrollmentUrl().filter(url -> url.startsWith("https://")));
    }
    throw new IllegalStateException("unmapped device list " + result.getClass().getName());
  }

  private static Device device(DuoDevice device, DeviceListResult.Devices listed, Optional<DeviceId> selected) {
    return new Device(device.id().value(), device.displayName(), device.type(),
        listed.active().map(a -> a.device().equals(device.id())).orElse(false),
        listed.pending().map(p -> p.device().equals(device.id())).orElse(false),
        selected.map(device.id()::equals).orElse(false));
  }

  private static String describe(DeviceSelection selection) {
    return WebText.method(selection.method()) + " on " + selection.device().value();
  }
}
