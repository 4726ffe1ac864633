package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import java.util.List;
import java.util.Optional;

/** What Duo lists for a member: devices, a bypass, or a refusal (deny or enroll). */
public sealed interface DeviceListResult {
  /**
   * The member's devices; {@code suggested} names the only device when there is exactly one, and
   * the member's active and pending selections are shown beside them.
   */
  record Devices(List<DuoDevice> devices, Optional<DeviceId> suggested,
      Optional<DeviceSelection> active, Optional<DeviceSelection> pending, StatusMessage message)
      implements DeviceListResult {}

  /** Duo lets this member in without a second factor. */
  record Bypass(StatusMessage message) implements DeviceListResult {}

  record Denied(Denial denial) implements DeviceListResult {}
}
