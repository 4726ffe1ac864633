package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.PrintableText;
import dev.gatehouse.domain.common.Require;
import java.util.Set;

/** One of a member's Duo devices, as listed by Duo: id, kind, label and capabilities. */
public record DuoDevice(DeviceId id, String type, String displayName, Set<DeviceCapability> capabilities) {
  public DuoDevice {
    Require.notNull("device", id);
    // Labels come from Duo and end up on terminals: keep them printable and bounded.
    type = PrintableText.of(Require.notNull("type", type), 20);
    displayName = PrintableText.of(Require.notNull("displayName", displayName), 200);
    capabilities = Set.copyOf(Require.notNull("capabilities", capabilities));
  }

  /** Whether Duo can authenticate the member with this device by the given method. */
  public boolean supports(DuoMethod method) {
    return switch (method) {
      case PUSH -> capabilities.contains(DeviceCapability.PUSH);
      case SMS -> capabilities.contains(DeviceCapability.SMS);
      case PHONE -> capabilities.contains(DeviceCapability.PHONE);
      // Duo Mobile codes need mobile_otp; hardware tokens list no capabilities at all.
      case PASSCODE -> capabilities.contains(DeviceCapability.MOBILE_OTP) || "token".equals(type);
    };
  }
}
