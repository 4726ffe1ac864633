package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretKind;

/** An entry's secret as a request carries it (write-only): exactly one of a password or an SSH private key. */
record RestSecretRequest(String password, String privateKey) {
  static final String FIELD = "secret";

  /** The secret, or null after recording why it is invalid. */
  EntrySecret toDomain(RestFields fields) {
    if ((password == null) == (privateKey == null)) {
      fields.reject(FIELD, "must have exactly one of password or privateKey");
      return null;
    }
    return fields.parseNamed(FIELD + ".", () -> password != null
        ? EntrySecret.of(SecretKind.PASSWORD, password) : EntrySecret.of(SecretKind.PRIVATE_KEY, privateKey));
  }

  @Override
  public String toString() {
    return "RestSecretRequest[redacted]";
  }
}
