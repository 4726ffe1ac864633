package dev.gatehouse.domain.entry;

/** Which credential an entry's secret is. */
public enum SecretKind {
  PASSWORD("password", 1024),
  PRIVATE_KEY("privateKey", 16 * 1024);

  private final String wireName;
  private final int maxLength;

  SecretKind(String wireName, int maxLength) {
    this.wireName = wireName;
    this.maxLength = maxLength;
  }

  /** The field name used on every face: {@code password} or {@code privateKey}. */
  public String wireName() {
    return wireName;
  }

  /** The longest accepted value, in UTF-8 bytes. */
  public int maxLength() {
    return maxLength;
  }
}
