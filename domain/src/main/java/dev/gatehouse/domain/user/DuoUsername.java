package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.Require;

/** The username (or alias) by which Duo knows a Gatehouse user. */
public record DuoUsername(String value) {
  public DuoUsername {
    value = Require.notBlank("duoUsername", value).strip();
    Require.maxLength("duoUsername", value, 100);
    Require.noControlCharacters("duoUsername", value);
  }

  public static DuoUsername of(UserName name) {
    return new DuoUsername(name.value());
  }

  @Override
  public String toString() {
    return value;
  }
}
