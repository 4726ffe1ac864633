package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.common.Secret;
import java.util.regex.Pattern;

/** The secret key of a Duo application: 40 letters and digits that never print themselves. */
public final class DuoSecretKey extends Secret {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{40}");

  public DuoSecretKey(String value) {
    super("secretKey", Require.notBlank("secretKey", value).strip());
    Require.matches("secretKey", reveal(), SHAPE, "40 letters and digits (as shown in Duo's Admin Panel)");
  }
}
