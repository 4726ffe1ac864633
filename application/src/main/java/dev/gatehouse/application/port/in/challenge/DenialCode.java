package dev.gatehouse.application.port.in.challenge;

/** Why an attempt to open a workspace or verify a device was refused before any challenge. */
public enum DenialCode {
  /** Duo's preauth said deny (locked out in Duo, disabled, policy). */
  DUO_DENIED,
  /** The user is not enrolled in Duo; the denial carries the enrollment portal URL. */
  ENROLLMENT_REQUIRED,
  /** The member has not chosen and verified a device for this workspace yet. */
  NO_ACTIVE_DEVICE,
  /**
   * The chosen device is no longer listed by Duo, or cannot do the chosen method (or, when no device
   * was named, none can): choose again.
   */
  DEVICE_NOT_AVAILABLE,
  /** No device was named and Duo lists several that can do the method: the member must name one. */
  DEVICE_REQUIRED,
  /** Duo lets this user in without a second factor, so there is no device to verify. */
  DUO_BYPASS_USER,
  /** Another push or call for this member and workspace is still waiting. */
  CHALLENGE_PENDING,
  /** A push or call was denied moments ago. */
  COOLDOWN,
  /** Too many wrong passcodes: temporarily locked. */
  LOCKED_OUT,
  /** A fraud report suspended access until an administrator clears it. */
  SUSPENDED,
  /** Duo could not be reached and the failmode is secure (or the action never fails open). */
  DUO_UNAVAILABLE,
  /** Duo kept rate limiting after the official back-off. */
  DUO_RATE_LIMITED,
  /** Duo refused the workspace's credentials or integration: an administrator must fix them. */
  DUO_MISCONFIGURED,
  /** Duo refused the request (e.g. no capable device). */
  DUO_REQUEST_REJECTED
}
