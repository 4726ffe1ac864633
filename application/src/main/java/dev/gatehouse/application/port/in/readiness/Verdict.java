package dev.gatehouse.application.port.in.readiness;

import java.util.Locale;

/** What the next open means for one member. */
public enum Verdict {
  /** Duo will ask them on their chosen device. */
  ASKED,
  /** They cannot get in now (Duo denies or wants enrollment, no or stale device choice, suspended, locked out). */
  CANNOT_GET_IN,
  /** Duo lets them in without a second factor (bypass, trusted network, remembered device). */
  NO_SECOND_FACTOR,
  /** Duo could not be asked about them (unavailable, rate limited, refused the request). */
  NOT_CHECKED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
