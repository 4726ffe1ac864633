package dev.gatehouse.application.port.in.readiness;

import java.util.Locale;

/** Duo's preauth result for a member, as Duo names it; {@code ERROR} when Duo could not be asked. */
public enum PreauthAnswer {
  AUTH,
  ENROLL,
  ALLOW,
  DENY,
  ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
