package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.Require;

/** A device and the method to use with it. */
public record DeviceSelection(DeviceId device, DuoMethod method) {
  public DeviceSelection {
    Require.notNull("device", device);
    Require.notNull("method", method);
  }
}
