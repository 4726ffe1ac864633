package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import java.util.Locale;

/** How a member proves their second factor through Duo. */
public enum DuoMethod {
  /** Duo Push to the device; resolved asynchronously. */
  PUSH,
  /** Duo sends a batch of SMS passcodes; the member then types one. */
  SMS,
  /** Duo calls the phone; resolved asynchronously. */
  PHONE,
  /** The member types a passcode (Duo Mobile, hardware token or bypass code). */
  PASSCODE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Push and phone wait on Duo; SMS and passcode wait on the member. */
  public boolean isOutOfBand() {
    return this == PUSH || this == PHONE;
  }

  /**
   * Push, phone and SMS make Duo send something to the member's device: at most one such request
   * is open per member and workspace, and the cooldown applies to them.
   */
  public boolean sendsToDevice() {
    return this != PASSCODE;
  }

  public static DuoMethod parse(String text) {
    String value = Require.notBlank("method", text).strip().toLowerCase(Locale.ROOT);
    for (DuoMethod method : values()) {
      if (method.wireName().equals(value)) {
        return method;
      }
    }
    throw new InvalidValueException("method", "must be one of push, sms, phone, passcode");
  }
}
