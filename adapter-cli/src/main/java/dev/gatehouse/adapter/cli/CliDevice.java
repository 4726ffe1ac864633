package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.util.Arrays;
import java.util.List;

/** One Duo device: Duo's capabilities and the methods Gatehouse can use with it. */
record CliDevice(String id, String type, String name, List<String> capabilities, List<String> methods) {
  static CliDevice from(DuoDevice device) {
    return new CliDevice(device.id().value(), device.type(), device.displayName(),
        device.capabilities().stream().sorted().map(CliWire::name).toList(),
        Arrays.stream(DuoMethod.values()).filter(device::supports).map(DuoMethod::wireName).toList());
  }
}
