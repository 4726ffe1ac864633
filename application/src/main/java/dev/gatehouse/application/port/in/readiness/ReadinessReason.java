package dev.gatehouse.application.port.in.readiness;

import java.util.Locale;

/**
 * Why a member has their verdict, as a code the faces word: the facts behind it (device choice,
 * enrollment portal, Duo's message, the Duo problem) are in {@link MemberReadiness}.
 */
public enum ReadinessReason {
  /** Duo lists devices but the member has chosen none in Gatehouse yet. */
  NO_DEVICE_CHOSEN,
  /** Duo will ask on the chosen device by the chosen method. */
  DUO_WILL_ASK,
  /** Duo no longer lists the chosen device for the chosen method. */
  DEVICE_NO_LONGER_LISTED,
  /** Duo lets the member in without a second factor. */
  BYPASS,
  /** The member must enroll in Duo first (see the enrollment portal). */
  NOT_ENROLLED,
  /** Duo denies the member (see Duo's message). */
  DUO_DENIES,
  /** Access is suspended after a fraud report until an administrator clears it. */
  SUSPENDED,
  /** Locked out after too many wrong passcodes. */
  LOCKED_OUT,
  /** Duo could not be asked (see the problem and the gateway's report). */
  NOT_CHECKED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
