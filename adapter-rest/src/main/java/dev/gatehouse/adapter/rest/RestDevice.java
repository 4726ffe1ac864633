package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.util.Arrays;
import java.util.List;

/** One of the member's Duo devices: what Duo reports, and the methods Gatehouse can use with it. */
record RestDevice(String id, String type, String displayName, List<String> capabilities, List<String> methods) {
  static RestDevice from(DuoDevice device) {
    return new RestDevice(device.id().value(), device.type(), device.displayName(),
        device.capabilities().stream().map(RestWire::name).sorted().toList(),
        Arrays.stream(DuoMethod.values()).filter(device::supports).map(DuoMethod::wireName).toList());
  }
}
