package dev.gatehouse.domain.entry;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.common.Secret;

/**
 * An entry's credential in plain text: a password or an SSH private key. Never printed
 * ({@code toString} is redacted); adapters reveal it only to seal it or to hand it to its owner.
 */
public final class EntrySecret extends Secret {
  private final SecretKind kind;

  private EntrySecret(SecretKind kind, String value) {
    super(Require.notNull("secretKind", kind).wireName(), value);
    this.kind = kind;
    if (value.isEmpty()) {
      throw new InvalidValueException(kind.wireName(), "must not be empty");
    }
    Require.maxUtf8Bytes(kind.wireName(), value, kind.maxLength());
    if (value.indexOf('\0') >= 0) {
      throw new InvalidValueException(kind.wireName(), "must not contain NUL characters");
    }
    if (kind == SecretKind.PASSWORD && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
      throw new InvalidValueException(kind.wireName(), "must be one line");
    }
  }

  public static EntrySecret of(SecretKind kind, String value) {
    return new EntrySecret(kind, value);
  }

  public static EntrySecret password(String value) {
    return new EntrySecret(SecretKind.PASSWORD, value);
  }

  public static EntrySecret privateKey(String value) {
    return new EntrySecret(SecretKind.PRIVATE_KEY, value);
  }

  public SecretKind kind() {
    return kind;
  }
}
