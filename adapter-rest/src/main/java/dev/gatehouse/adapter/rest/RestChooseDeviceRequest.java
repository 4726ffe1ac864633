package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;

/**
 * {@code PUT /api/v1/workspaces/{name}/duo/enrollment}: the device and the method to use with it;
 * without a device, the only one Duo lists that can do the method.
 */
record RestChooseDeviceRequest(String device, String method) {
  ChooseDuoDeviceCommand toCommand(UserName actor, WorkspaceName workspace, ClientContext client) {
    RestFields fields = new RestFields();
    Optional<DeviceId> id = device == null ? Optional.empty()
        : Optional.ofNullable(fields.parse("device", () -> new DeviceId(device)));
    DuoMethod parsed = fields.parse("method", () -> DuoMethod.parse(method));
    fields.check();
    return new ChooseDuoDeviceCommand(actor, workspace, id, parsed, client);
  }
}
