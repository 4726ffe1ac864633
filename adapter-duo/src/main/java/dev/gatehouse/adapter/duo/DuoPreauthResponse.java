package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DuoDevice;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The {@code response} of {@code /auth/v2/preauth} (duo-auth-api.md §2.6). */
record DuoPreauthResponse(
    @JsonProperty("result") String result,
    @JsonProperty("status_msg") String statusMsg,
    @JsonProperty("enroll_portal_url") String enrollPortalUrl,
    @JsonProperty("devices") List<Device> devices,
    @JsonProperty("txid") String txid) {

  /** One device as Duo lists it; tokens may come without capabilities. */
  record Device(
      @JsonProperty("device") String device,
      @JsonProperty("type") String type,
      @JsonProperty("number") String number,
      @JsonProperty("name") String name,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("capabilities") List<String> capabilities,
      @JsonProperty("sms_nextcode") String smsNextcode) {

    /** The domain device, or null when Duo's id is not one Gatehouse can store. */
    DuoDevice toDomain() {
      DeviceId id;
      try {
        id = new DeviceId(device == null ? "" : device);
      } catch (InvalidValueException e) {
        return null;
      }
      Set<DeviceCapability> caps = EnumSet.noneOf(DeviceCapability.class);
      for (String capability : capabilities == null ? List.<String>of() : capabilities) {
        for (DeviceCapability known : DeviceCapability.values()) {
          if (known.name().toLowerCase(Locale.ROOT).equals(capability)) {
            caps.add(known);
          }
        }
      }
      String label = firstNonBlank(displayName, name, number, device);
      if (label.length() > 200) {
        label = label.substring(0, 200);
      }
      return new DuoDevice(id, type == null ? "" : type, StatusMessage.of(label).value(), caps);
    }
  }

  /**
   * Gatehouse's reading: {@code auth} with devices, {@code allow}, {@code enroll}; {@code deny} and
   * anything unknown deny (never allow an answer Gatehouse does not know).
   */
  PreauthOutcome toDomain() {
    StatusMessage message = StatusMessage.of(statusMsg);
    String kind = result == null ? "" : result.strip().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "auth": {
        List<DuoDevice> mapped = new ArrayList<>();
        for (Device d : devices == null ? List.<Device>of() : devices) {
          DuoDevice device = d == null ? null : d.toDomain();
          if (device != null) {
            mapped.add(device);
          }
        }
        return new PreauthOutcome.Authenticate(mapped, message, verifiedPush());
      }
      case "allow":
        return new PreauthOutcome.Allow(message);
      case "enroll":
        return new PreauthOutcome.Enroll(enrollPortalUrl == null ? "" : enrollPortalUrl.strip(), message);
      case "deny":
        return new PreauthOutcome.Deny(message);
      default:
        DuoUnknownValues.report("/auth/v2/preauth", "result", result, "deny");
        return new PreauthOutcome.Deny(message);
    }
  }

  /**
   * The transaction Duo opened for a Verified Duo Push (sent only to a client that said it can show
   * the code, and only when the policy requires it); a txid Gatehouse cannot use is ignored.
   */
  private Optional<DuoTransactionId> verifiedPush() {
    try {
      return txid == null || txid.isBlank() ? Optional.empty() : Optional.of(new DuoTransactionId(txid));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}
