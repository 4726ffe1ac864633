package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.domain.mfa.DeviceId;
import java.util.List;

/** {@code duo devices --json}: {@code outcome} is {@code devices}, {@code bypass} or {@code denied}. */
record CliDeviceList(String outcome, String workspace, List<CliDevice> devices, String suggested,
    CliSelection active, CliSelection pending, String message, CliDenial denial) {

  static CliDeviceList from(String workspace, DeviceListResult result) {
    if (result instanceof DeviceListResult.Devices devices) {
      return new CliDeviceList("devices", workspace, devices.devices().stream().map(CliDevice::from).toList(),
          devices.suggested().map(DeviceId::value).orElse(null),
          devices.active().map(CliSelection::from).orElse(null),
          devices.pending().map(CliSelection::from).orElse(null), devices.message().value(), null);
    }
    if (result instanceof DeviceListResult.Bypass bypass) {
      return new CliDeviceList("bypass", workspace, List.of(), null, null, null, bypass.message().value(), null);
    }
    DeviceListResult.Denied denied = (DeviceListResult.Denied) result;
    return new CliDeviceList("denied", workspace, List.of(), null, null, null,
        CliText.denial(denied.denial()), CliDenial.from(denied.denial()));
  }
}
