package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;

/** {@code PUT /api/v1/workspaces/{name}/duo/enrollment}: the device and the method to use with it. */
record RestChooseDeviceRequest(String device, String method) {
  DeviceSelection toDomain() {
    RestFields fields = new RestFields();
    DeviceId id = fields.parse("device", () -> new DeviceId(device));
    DuoMethod parsed = fields.parse("method", () -> DuoMethod.parse(method));
    fields.check();
    return new DeviceSelection(id, parsed);
  }
}
