package dev.gatehouse.domain.mfa;

/** What a Duo device can do, as Duo reports it at preauth. */
public enum DeviceCapability {
  AUTO,
  PUSH,
  SMS,
  PHONE,
  MOBILE_OTP
}
