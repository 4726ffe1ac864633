package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.challenge.DeviceListResult;

/** The member's device choice for a workspace: the active and the pending (unverified) selection. */
record RestEnrollment(String status, RestSelection active, RestSelection pending, String message) {
  static RestEnrollment from(DeviceListResult.Devices devices) {
    return new RestEnrollment(devices.active().isPresent() ? "active" : devices.pending().isPresent()
        ? "pending" : "none", devices.active().map(RestSelection::from).orElse(null),
        devices.pending().map(RestSelection::from).orElse(null), devices.message().value());
  }

  static RestEnrollment from(DeviceListResult.Bypass bypass) {
    return new RestEnrollment("bypass", null, null, bypass.message().value());
  }
}
