package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import java.util.List;

/**
 * The member's devices ({@code status: devices}) with the suggested one and the active and
 * pending choices, or {@code status: bypass} when Duo lets the member in without a device.
 */
record RestDeviceList(String status, List<RestDevice> devices, String suggested,
    RestSelection active, RestSelection pending, String message) {

  static RestDeviceList from(DeviceListResult.Devices devices) {
    return new RestDeviceList("devices", devices.devices().stream().map(RestDevice::from).toList(),
        devices.suggested().map(id -> id.value()).orElse(null),
        devices.active().map(RestSelection::from).orElse(null),
        devices.pending().map(RestSelection::from).orElse(null), devices.message().value());
  }

  static RestDeviceList from(DeviceListResult.Bypass bypass) {
    return new RestDeviceList("bypass", List.of(), null, null, null, bypass.message().value());
  }
}
