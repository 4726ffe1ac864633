package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/** The integration key of a Duo application: 20 upper-case letters and digits, e.g. DIWJ8X6AEYOR5OMC6TQ1. */
public record IntegrationKey(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{20}");

  public IntegrationKey {
    value = Require.notBlank("integrationKey", value).strip().toUpperCase(Locale.ROOT);
    Require.matches("integrationKey", value, SHAPE, "20 letters and digits (as shown in Duo's Admin Panel)");
  }

  @Override
  public String toString() {
    return value;
  }
}
