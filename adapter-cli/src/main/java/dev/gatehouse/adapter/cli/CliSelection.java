package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.mfa.DeviceSelection;

/** A device and method. */
record CliSelection(String device, String method) {
  static CliSelection from(DeviceSelection selection) {
    return new CliSelection(selection.device().value(), selection.method().wireName());
  }
}
