package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ChooseDuoDeviceUseCase;
import dev.gatehouse.application.port.in.DeviceListResult;
import dev.gatehouse.application.port.in.GetWorkspaceQuery;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.application.port.in.ListDuoDevicesQuery;
import dev.gatehouse.application.port.in.ListDuoDevicesUseCase;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;

/** The member's Duo devices and device choice for a workspace (the seed's Use this device and Save). */
final class DuoDeviceResource {
  private final ListDuoDevicesUseCase listDuoDevices;
  private final ChooseDuoDeviceUseCase chooseDuoDevice;
  private final GetWorkspaceUseCase getWorkspace;
  private final RestErrorMapper errors;

  DuoDeviceResource(ListDuoDevicesUseCase listDuoDevices, ChooseDuoDeviceUseCase chooseDuoDevice,
      GetWorkspaceUseCase getWorkspace, RestErrorMapper errors) {
    this.listDuoDevices = listDuoDevices;
    this.chooseDuoDevice = chooseDuoDevice;
    this.getWorkspace = getWorkspace;
    this.errors = errors;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("GET", "/api/v1/workspaces/{name}/duo/devices", RestAccess.BEARER, this::devices),
        RestRoute.sync("PUT", "/api/v1/workspaces/{name}/duo/enrollment", RestAccess.BEARER, this::choose)
            .withBody(this::isMember),
        RestRoute.sync("GET", "/api/v1/workspaces/{name}/duo/enrollment", RestAccess.BEARER, this::enrollment));
  }

  RestReply devices(RestRequest request) {
    return devicesReply(list(request));
  }

  RestReply enrollment(RestRequest request) {
    return enrollmentReply(list(request));
  }

  RestReply choose(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    RestChooseDeviceRequest body = request.body(RestChooseDeviceRequest.class);
    return reply(chooseDuoDevice.choose(body.toCommand(request.actor(), workspace, request.client())));
  }

  /** Members choose their device (an administrator who is no member may not either). */
  private void isMember(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    if (getWorkspace.get(new GetWorkspaceQuery(request.actor(), workspace)).roleOf(request.actor()).isEmpty()) {
      throw new AccessDeniedException(request.actor() + " is not a member of workspace " + workspace);
    }
  }

  private DeviceListResult list(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    return listDuoDevices.list(new ListDuoDevicesQuery(request.actor(), workspace, request.client()));
  }

  RestReply devicesReply(DeviceListResult result) {
    if (result instanceof DeviceListResult.Devices devices) {
      return RestReply.ok(RestDeviceList.from(devices));
    }
    if (result instanceof DeviceListResult.Bypass bypass) {
      return RestReply.ok(RestDeviceList.from(bypass));
    }
    if (result instanceof DeviceListResult.Denied denied) {
      return errors.denial(denied.denial());
    }
    throw new IllegalStateException("unmapped device list " + result.getClass().getName());
  }

  RestReply enrollmentReply(DeviceListResult result) {
    if (result instanceof DeviceListResult.Devices devices) {
      return RestReply.ok(RestEnrollment.from(devices));
    }
    if (result instanceof DeviceListResult.Bypass bypass) {
      return RestReply.ok(RestEnrollment.from(bypass));
    }
    if (result instanceof DeviceListResult.Denied denied) {
      return errors.denial(denied.denial());
    }
    throw new IllegalStateException("unmapped device list " + result.getClass().getName());
  }

  /** Verifying answers 202 with the challenge to approve; the choice is active once it is approved. */
  RestReply reply(ChooseDuoDeviceResult result) {
    if (result instanceof ChooseDuoDeviceResult.Verifying verifying) {
      return RestReply.accepted(RestUnlockResponse.verifying(verifying.challenge()),
          RestChallengeLinks.self(verifying.challenge().id().value()));
    }
    if (result instanceof ChooseDuoDeviceResult.Denied denied) {
      return errors.denial(denied.denial());
    }
    throw new IllegalStateException("unmapped device choice " + result.getClass().getName());
  }
}
