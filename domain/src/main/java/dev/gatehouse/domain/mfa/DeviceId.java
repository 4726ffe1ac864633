package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** Duo's identifier of a member's phone or token, e.g. DPFZRS9FB0D46QFTM891. */
public record DeviceId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public DeviceId {
    value = Require.notBlank("device", value).strip();
    Require.matches("device", value, SHAPE, "a Duo device id (letters and digits)");
  }

  @Override
  public String toString() {
    return value;
  }
}
