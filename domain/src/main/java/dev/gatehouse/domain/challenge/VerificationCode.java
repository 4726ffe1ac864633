package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/**
 * The code of a Verified Duo Push: shown to the member, who types it into Duo Mobile. Not a secret
 * against its owner, but it never goes to the audit trail or to logs, so {@link #toString()} hides it.
 */
public record VerificationCode(String value) {
  private static final Pattern SHAPE = Pattern.compile("[0-9]{2,8}");

  public VerificationCode {
    value = Require.notBlank("verificationCode", value).strip();
    Require.matches("verificationCode", value, SHAPE, "2 to 8 digits");
  }

  @Override
  public String toString() {
    return "VerificationCode[hidden]";
  }
}
