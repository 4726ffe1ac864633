package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.common.Secret;
import java.util.regex.Pattern;

/** A passcode typed by a member (Duo Mobile, SMS, hardware token or bypass code); never printed. */
public final class Passcode extends Secret {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{4,64}");

  public Passcode(String value) {
    super("passcode", Require.notBlank("passcode", value).strip());
    Require.matches("passcode", reveal(), SHAPE, "4 to 64 letters or digits");
  }
}
